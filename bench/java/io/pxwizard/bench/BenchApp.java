package io.pxwizard.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.PxWizardApplication;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterInfo;
import io.pxwizard.simulation.SimulatedApiServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** px-wizard started in this JVM on a loopback port, connected to a simulated API server. */
final class BenchApp implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final int port;

	BenchApp(SimulatedApiServer server) {
		context = new SpringApplicationBuilder(PxWizardApplication.class).run("--server.port=0",
				"--management.server.port=-1", "--px-wizard.cluster.auto-connect=false",
				"--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off");
		KubernetesClient client = server.createClient();
		context.getBean(ClusterConnection.class)
			.use(client, new ClusterInfo(server.url(), "bench", ClusterInfo.Kind.SIMULATED));
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	@Override
	public void close() {
		context.close();
	}

}
