package com.promises.api.infrastructure.persistence;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.beans.factory.ObjectProvider;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Tries one plain connection to an external database before the pool and the migrations use it,
 * so an unreachable server stops startup with one clear sentence instead of a pool's stack traces.
 */
class ExternalDatabaseCheck implements BeanPostProcessor {

    private final ObjectProvider<DataSourceProperties> properties;
    private boolean checked;

    ExternalDatabaseCheck(ObjectProvider<DataSourceProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && !checked) {
            checked = true;
            DataSourceProperties settings = properties.getIfAvailable();
            if (settings != null && settings.getUrl() != null) {
                check(settings.getUrl(), settings.getUsername(), settings.getPassword());
            }
        }
        return bean;
    }

    private static void check(String url, String user, String password) {
        Properties connectionProperties = new Properties();
        if (user != null) {
            connectionProperties.setProperty("user", user);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("connectTimeout", "10");
        try (var ignored = DriverManager.getConnection(url, connectionProperties)) {
            // reachable, and the credentials are accepted
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(url, e);
        }
    }
}
