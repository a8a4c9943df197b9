package org.agora;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Every view, layout and error page says who may open it; none is left to a default. */
class RouteAccessTest {
    private static List<Class<?>> scan(org.springframework.core.type.filter.TypeFilter filter) throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(filter);
        var classes = new ArrayList<Class<?>>();
        for (var candidate : scanner.findCandidateComponents("org.agora")) {
            classes.add(Class.forName(candidate.getBeanClassName()));
        }
        return classes;
    }

    private static boolean declaresAccess(Class<?> type) {
        return type.isAnnotationPresent(AnonymousAllowed.class) || type.isAnnotationPresent(PermitAll.class)
                || type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(DenyAll.class);
    }

    @Test
    void every_route_declares_access() throws Exception {
        var routes = scan(new AnnotationTypeFilter(Route.class));
        assertThat(routes).hasSizeGreaterThanOrEqualTo(10);
        assertThat(routes).allSatisfy(route -> assertThat(declaresAccess(route)).as(route.getName()).isTrue());
    }

    @Test
    void every_layout_and_error_view_declares_access() throws Exception {
        var others = new ArrayList<Class<?>>(scan(new AnnotationTypeFilter(Layout.class)));
        others.addAll(scan(new AssignableTypeFilter(HasErrorParameter.class)));
        others.add(org.agora.shared.ui.MainLayout.class);
        assertThat(others).allSatisfy(type -> assertThat(declaresAccess(type)).as(type.getName()).isTrue());
    }

    @Test
    void the_moderator_console_is_for_staff_only() throws Exception {
        for (String view : new String[] {"ModerationView", "ReviewQueueView", "ModerationLogView", "MemberModerationView"}) {
            var console = Class.forName("org.agora.moderation.ui." + view);
            assertThat(console.getAnnotation(RolesAllowed.class).value()).as(view)
                    .containsExactlyInAnyOrder("MODERATOR", "ADMIN");
        }
    }
}
