package org.agora.account;

import java.io.Serializable;

public record AccountId(long value) implements Serializable {
}
