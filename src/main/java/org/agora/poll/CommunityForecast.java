package org.agora.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The community forecast as Metaculus computes it: the weighted median of the members' current forecasts, where
 * the n-th most recent of N (oldest n = 1) weighs e^(√n − √N), so newer forecasts count more.
 */
public final class CommunityForecast {
    private CommunityForecast() {
    }

    /** @param probabilities current forecasts (1..99 %), oldest first; @return the weighted median, null if none */
    public static Double recencyWeightedMedian(List<Integer> probabilities) {
        int total = probabilities.size();
        if (total == 0) {
            return null;
        }
        record Weighted(int p, double w) {
        }
        var weighted = new ArrayList<Weighted>(total);
        double sqrtN = Math.sqrt(total);
        double sum = 0;
        for (int i = 0; i < total; i++) {
            double w = Math.exp(Math.sqrt(i + 1) - sqrtN);
            weighted.add(new Weighted(probabilities.get(i), w));
            sum += w;
        }
        weighted.sort(Comparator.comparingInt(Weighted::p));
        double half = sum / 2;
        double seen = 0;
        for (int i = 0; i < weighted.size(); i++) {
            seen += weighted.get(i).w();
            if (Math.abs(seen - half) < 1e-12 && i + 1 < weighted.size()) {
                return (weighted.get(i).p() + weighted.get(i + 1).p()) / 2.0; // exactly half: midpoint
            }
            if (seen > half) {
                return (double) weighted.get(i).p();
            }
        }
        return (double) weighted.getLast().p();
    }
}
