package io.pxwizard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PxWizardApplication {

	public static void main(String[] args) {
		SpringApplication.run(PxWizardApplication.class, args);
	}

}
