package org.agora.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements each thread prepares, so tests can prove a page costs a fixed number of queries
 * (no N+1). Wraps the application's DataSource in every test context (it lives in the scanned package).
 */
@Component
public class StatementCounter implements BeanPostProcessor {
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);
    /** Connections this thread holds now, and the most it held at once since {@link #reset()}. */
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[2]);

    public static void reset() {
        COUNT.get()[0] = 0;
        HELD.get()[1] = HELD.get()[0];
    }

    /**
     * The most pooled connections this thread held at the same time since {@link #reset()}: more than one means
     * a pool deadlock once as many threads as the pool has connections do the same at once.
     */
    public static int peakConnections() {
        return HELD.get()[1];
    }

    public static int count() {
        return COUNT.get()[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource ds && "dataSource".equals(name)) {
            return new DelegatingDataSource(ds) {
                @Override
                public Connection getConnection() throws SQLException {
                    Connection connection = counting(super.getConnection());
                    int[] held = HELD.get();
                    held[0]++;
                    held[1] = Math.max(held[1], held[0]);
                    return connection;
                }
            };
        }
        return bean;
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String m = method.getName();
                    if (m.equals("prepareStatement") || m.equals("prepareCall") || m.equals("createStatement")) {
                        COUNT.get()[0]++;
                    }
                    if (m.equals("close") && !connection.isClosed()) {
                        HELD.get()[0]--;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
