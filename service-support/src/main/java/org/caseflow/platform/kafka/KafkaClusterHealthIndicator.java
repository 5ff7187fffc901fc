package org.caseflow.platform.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** "kafka": UP when the cluster answers a metadata request within a few seconds. */
public class KafkaClusterHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;

    /** {@code adminConfig}: the service's admin client settings (bootstrap servers and credentials). */
    public KafkaClusterHealthIndicator(Map<String, Object> adminConfig) {
        super("Kafka health check failed");
        Map<String, Object> config = new java.util.HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        this.admin = Admin.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(4, TimeUnit.SECONDS))
                .withDetail("brokers", cluster.nodes().get(4, TimeUnit.SECONDS).size());
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
