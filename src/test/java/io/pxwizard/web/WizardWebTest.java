package io.pxwizard.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application behind MockMvc, with no cluster (whatever kubeconfig the machine
 * has) and the tests' in-memory database. One shape for every web test, so they share one
 * cached context; a slice per controller would need most of the application anyway, since
 * every page's header asks the cluster connection.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "px-wizard.cluster.auto-connect=false")
public @interface WizardWebTest {

}
