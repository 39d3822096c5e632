package io.github.pgmigrate.schema;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a connection and counts the statements executed through it (each one a round trip to the server). */
final class CountingConnection {
    private final AtomicInteger executed = new AtomicInteger();
    private final Connection proxy;

    CountingConnection(Connection connection) {
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement) {
                        Class<?> type = method.getReturnType();
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                                counting(statement));
                    }
                    return result;
                });
    }

    private InvocationHandler counting(Statement statement) {
        return (p, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            return invoke(statement, method, args);
        };
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    Connection connection() {
        return proxy;
    }

    int executed() {
        return executed.get();
    }
}
