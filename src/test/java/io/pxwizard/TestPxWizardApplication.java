package io.pxwizard;

import io.pxwizard.simulation.SimulatedClusterConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * {@code mvn spring-boot:test-run}: px-wizard connected to a simulated cluster, for
 * trying the whole flow (apply and status included) on a machine without Kubernetes.
 */
public class TestPxWizardApplication {

	public static void main(String[] args) {
		SpringApplication.from(PxWizardApplication::main)
			.with(SimulatedClusterConfiguration.class)
			.withAdditionalProfiles("simulation")
			.run(args);
	}

}
