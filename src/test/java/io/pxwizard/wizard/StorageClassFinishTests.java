package io.pxwizard.wizard;

import java.net.URI;

import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finish page's StorageClasses: the form makes them part of the spec's URL (never of
 * its commands), the page shows their YAML, curl downloads it.
 */
@WizardWebTest
class StorageClassFinishTests {

	private static final String WITH_CLASSES = "/spec/2.8?" + Specs.SEED_QUERY
			+ "&sc=mongodb%3Apx-mongodb%3A3%2Credis%3Apx-redis%3A1&scdefault=px-mongodb";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theFormMakesTheClassesPartOfTheSpecsUrl() {
		MvcTestResult result = mvc.get()
			.uri(URI.create("/spec/2.8/storage-classes?" + Specs.SEED_QUERY
					+ "&use.mongodb=true&name.mongodb=px-mongodb&repl.mongodb=3"
					+ "&use.redis=true&name.redis=px-redis&repl.redis=1&default=mongodb"))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo(WITH_CLASSES + "#storage-classes");
	}

	@Test
	void thePageShowsTheClassesYamlAndKeepsTheCommandsAsPortworxCentralWritesThem() {
		assertThat(mvc.get().uri(URI.create(WITH_CLASSES)).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains(Specs.SEED_SPEC_COMMAND.replace("'", "&#39;").replace("&", "&amp;").replace("&amp;#39;", "&#39;"))
			.contains("kind: StorageClass", "name: px-mongodb", "provisioner: pxd.portworx.com")
			.contains("storageclass.kubernetes.io/is-default-class: &quot;true&quot;")
			.contains("href=\"/install/2.8/storageclasses?");
	}

	@Test
	void curlGetsTheClassesAsYamlWithDbRemoteOnlyWhereItApplies() throws Exception {
		String yaml = mvc.get()
			.uri(URI.create(WITH_CLASSES.replace("/spec/", "/install/").replace("?", "/storageclasses?")))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(yaml).isEqualTo("""
				apiVersion: storage.k8s.io/v1
				kind: StorageClass
				metadata:
				  name: px-mongodb
				  labels:
				    app.kubernetes.io/managed-by: px-wizard
				  annotations:
				    storageclass.kubernetes.io/is-default-class: "true"
				allowVolumeExpansion: true
				parameters:
				  repl: "3"
				  io_profile: db_remote
				  priority_io: high
				provisioner: pxd.portworx.com
				---
				apiVersion: storage.k8s.io/v1
				kind: StorageClass
				metadata:
				  name: px-redis
				  labels:
				    app.kubernetes.io/managed-by: px-wizard
				allowVolumeExpansion: true
				parameters:
				  repl: "1"
				  io_profile: auto
				  priority_io: high
				provisioner: pxd.portworx.com
				""");
	}

	@Test
	void aWrongAnswerKeepsTheClassesTheSpecHadAndATypedSeparatorMakesNoSecondClass() {
		MvcTestResult result = mvc.get()
			.uri(URI.create(WITH_CLASSES.replace("/spec/2.8?", "/spec/2.8/storage-classes?")
					+ "&use.mongodb=true&name.mongodb=a%3A1%2Credis%3Ab&repl.mongodb=2"))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo(WITH_CLASSES + "#storage-classes");
		assertThat(result.getMvcResult().getFlashMap().get("storageClassProblems")).asString()
			.contains("A StorageClass name uses lower-case letters");
	}

	@Test
	void aWrongAnswerKeepsTheSpecAndSaysWhy() {
		MvcTestResult result = mvc.get()
			.uri(URI.create("/spec/2.8/storage-classes?" + Specs.SEED_QUERY
					+ "&use.mongodb=true&name.mongodb=PX_Mongo&repl.mongodb=3"))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.isEqualTo("/spec/2.8?" + Specs.SEED_QUERY + "#storage-classes");
		assertThat(result.getMvcResult().getFlashMap().get("storageClassProblems")).asString()
			.contains("A StorageClass name uses lower-case letters");
	}

}
