package io.pxwizard.wizard;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WizardWebTest
class WizardControllerTests {

	private static final String SEED_STATE = Specs.SEED_QUERY;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void newSpecStartsOnTheBasicPageOfTheNewestVersionWithTheSeedDefaults() {
		MvcTestResult result = mvc.get().uri("/wizard").exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		// The seed's choices plus what a new 3.x spec has at Portworx Central:
		// ns=portworx, iop=6, tel=true.
		assertThat(result.getResponse().getRedirectedUrl())
			.matches("/wizard/3\\.6/basic\\?operator=true&mc=false&kbver="
					+ "&ns=portworx&oem=esse&user=&b=true&iop=6&f=true&j=auto&c=px-cluster-[0-9a-f-]{36}&stork=true&csi=true"
					+ "&lh=true&mon=true&tel=true&st=k8s&promop=true");
	}

	@Test
	void aBareStepUrlStartsANewSpecOnThatStep() {
		MvcTestResult result = mvc.get().uri("/wizard/2.8/storage").exchange();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/wizard/2.8/storage?operator=true&mc=false");
	}

	@Test
	void basicPageHasPortworxCentralsLabels() {
		assertThat(page("/wizard/2.8/basic?" + SEED_STATE)).hasStatusOk()
			.bodyText()
			.contains(">Portworx Essentials</label>", ">Portworx Enterprise</label>", ">Essentials ID</label>",
					">Use the Portworx Operator</label>", ">Portworx version</label>", ">Kubernetes version</label>",
					">Built-in</label>", ">Your etcd details</label>", ">Next</button>")
			.contains("value=\"" + Specs.ESSENTIALS_ID + "\"")
			.contains("<option value=\"2.8\" selected=\"selected\">2.8</option>")
			.doesNotContain(">Back</button>");
	}

	@Test
	void storagePageHasTheSeedsBoxes() {
		assertThat(page("/wizard/2.8/storage?" + SEED_STATE)).hasStatusOk()
			.bodyText()
			.contains(">On Premises</label>", ">Automatically scan disks</label>", ">Manually specify disks</label>",
					">Use unmounted disks even if they have a partition or filesystem on it.",
					">Journal Device</legend>", ">None</label>", ">Auto</label>", ">Custom device</label>",
					">Skip KVDB device</label>", ">Back</button>", ">Next</button>")
			.containsPattern("id=\"jmode-auto\"[^>]*checked")
			.containsPattern("id=\"scan-auto\"[^>]*checked")
			.containsPattern("id=\"kdskip\"[^>]*checked");
	}

	@Test
	void networkPageShowsAutoForBoth() {
		assertThat(page("/wizard/2.8/network?" + SEED_STATE)).hasStatusOk()
			.bodyText()
			.contains(">Data Network Interface</label>", ">Management Network Interface</label>")
			.contains("id=\"d\" name=\"d\" value=\"auto\"", "id=\"m\" name=\"m\" value=\"auto\"");
	}

	@Test
	void customizePageOffersNoneFirstAndFinish() {
		assertThat(page("/wizard/2.8/customize?" + SEED_STATE)).hasStatusOk()
			.bodyText()
			.contains(">Are you running on either of these?</legend>", ">None</label>", ">OpenShift 4+</label>",
					">Enable Stork</label>", ">Enable CSI</label>", ">Enable Lighthouse</label>",
					">Enable Monitoring</label>", ">Enable Telemetry</label>", ">Secrets Store Type</label>",
					">Cluster Name</label>", ">Finish</button>", ">Back</button>")
			.containsPattern("id=\"dist-none\"[^>]*checked");
	}

	@Test
	void everyPageCarriesTheRestOfTheStateInHiddenFields() {
		assertThat(page("/wizard/2.8/network?" + SEED_STATE)).bodyText()
			.contains("<input type=\"hidden\" name=\"user\" value=\"" + Specs.ESSENTIALS_ID + "\">")
			.contains("<input type=\"hidden\" name=\"c\" value=\"" + Specs.CLUSTER_NAME + "\">")
			.contains("<input type=\"hidden\" name=\"_csrf\"");
	}

	@Test
	void unknownStepIsNotFound() {
		assertThat(page("/wizard/2.8/nowhere?" + SEED_STATE)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void nextOnBasicGoesToStorageWithTheCanonicalState() {
		MvcTestResult result = post("/wizard/2.8/basic", formFromSeed("version", "2.8")).exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/wizard/2.8/storage?" + SEED_STATE);
	}

	@Test
	void choosingAnotherVersionMovesTheSpecToItsPath() {
		MvcTestResult result = post("/wizard/3.6/basic", formFromSeed("version", "2.8")).exchange();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/wizard/2.8/storage?");
	}

	@Test
	void networkCanBeSkippedWithNext() {
		MvcTestResult result = post("/wizard/2.8/network", formFromSeed()).exchange();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/wizard/2.8/customize?" + SEED_STATE);
	}

	@Test
	void finishGoesToTheSpecUrl() {
		Map<String, String> form = formFromSeed("dist", "none");
		form.put("tel", "true");
		MvcTestResult result = post("/wizard/2.8/customize", form).exchange();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/spec/2.8?" + SEED_STATE);
	}

	@Test
	void aJournalDevicePathFromTheUrlIsShownAndKeptThroughNext() {
		// Before: the page only had "Journal Device: Auto", so j=/dev/sdc from a URL was
		// dropped by Next.
		String state = SEED_STATE.replace("j=auto", "j=%2Fdev%2Fsdc");
		assertThat(mvc.get().uri(java.net.URI.create("/wizard/2.8/storage?" + state))).hasStatusOk()
			.bodyText()
			.containsPattern("id=\"jmode-device\"[^>]*checked")
			.contains("id=\"j\" name=\"j\" value=\"/dev/sdc\"");
		Map<String, String> form = formFromSeed("jmode", "device");
		form.put("j", "/dev/sdc");
		MvcTestResult result = post("/wizard/2.8/storage", form).exchange();
		assertThat(result.getResponse().getRedirectedUrl()).contains("&j=%2Fdev%2Fsdc&");
		Map<String, String> none = formFromSeed("jmode", "none");
		assertThat(post("/wizard/2.8/storage", none).exchange().getResponse().getRedirectedUrl()).doesNotContain("j=");
		Map<String, String> missing = formFromSeed("jmode", "device");
		missing.put("j", "");
		assertThat(post("/wizard/2.8/storage", missing).exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Give the journal device&#39;s path");
	}

	@Test
	void theKvdbDeviceIsOfferedOnlyWithTheBuiltInKvdb() {
		assertThat(mvc.get().uri("/wizard/2.8/storage?" + SEED_STATE)).bodyText().contains("Skip KVDB device");
		assertThat(mvc.get()
			.uri(java.net.URI.create(
					"/wizard/2.8/storage?" + SEED_STATE.replace("b=true", "k=etcd%3Ahttp%3A%2F%2F10.0.0.1%3A2379"))))
			.bodyText()
			.doesNotContain("Skip KVDB device");
	}

	@Test
	void untickedBoxesSayFalseThroughTheirHiddenField() {
		Map<String, String> form = formFromSeed("dist", "none");
		MockMvcRequestBuilder request = post("/wizard/2.8/customize", form).param("stork", "false")
			.param("tel", "false");
		MvcTestResult result = request.exchange();
		// An unticked Stork says stork=false: Portworx Central reads a missing stork as
		// on.
		assertThat(result.getResponse().getRedirectedUrl())
			.contains("&c=" + Specs.CLUSTER_NAME + "&stork=false&csi=true")
			.contains("&tel=false&st=k8s");
	}

	@Test
	void backKeepsTheAnswersOfThisPageAndTheOthers() {
		Map<String, String> form = formFromSeed("scan", "manual");
		form.put("s", "/dev/sdb,/dev/sdc");
		form.put("_go", "back");
		MvcTestResult result = post("/wizard/2.8/storage", form).exchange();
		String basicUrl = result.getResponse().getRedirectedUrl();
		assertThat(basicUrl).startsWith("/wizard/2.8/basic?").contains("s=%2Fdev%2Fsdb%2C%2Fdev%2Fsdc");
		assertThat(page(basicUrl)).bodyText().contains("value=\"" + Specs.ESSENTIALS_ID + "\"");
		assertThat(page(basicUrl.replace("/basic?", "/storage?"))).bodyText()
			.containsPattern("id=\"scan-manual\"[^>]*checked")
			.contains("value=\"/dev/sdb,/dev/sdc\"");
	}

	@Test
	void backKeepsEvenAWrongAnswerAsTyped() {
		Map<String, String> form = formFromSeed("scan", "manual");
		form.put("s", "sdb");
		form.put("_go", "back");
		String basicUrl = post("/wizard/2.8/storage", form).exchange().getResponse().getRedirectedUrl();
		assertThat(basicUrl).contains("&s=sdb&");
	}

	@Test
	void postWithoutCsrfTokenIsRefused() {
		assertThat(mvc.post().uri("/wizard/2.8/basic").param("version", "2.8").param("oem", ""))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	static Stream<Arguments> badAnswers() {
		return Stream.of(Arguments.of("basic", "user", "", "Portworx Essentials needs your Essentials ID."),
				Arguments.of("basic", "user", "x".repeat(10_000), "An Essentials ID is a UUID"),
				Arguments.of("basic", "user", "152f6083-a52f-11ea-97e6-f6e09c7a4e5é", "An Essentials ID is a UUID"),
				Arguments.of("basic", "user", "'; rm -rf / #", "An Essentials ID is a UUID"),
				Arguments.of("basic", "user", "<script>alert(1)</script>", "An Essentials ID is a UUID"),
				Arguments.of("basic", "kbver", "$(reboot)", "Give a Kubernetes version as kubectl version prints it"),
				Arguments.of("basic", "kbver", "1.21\n<b>x</b>",
						"Give a Kubernetes version as kubectl version prints it"),
				Arguments.of("basic", "version", "9.9", "Portworx version 9.9 is not offered"),
				Arguments.of("basic", "version", "<script>alert(1)</script>", "is not offered"),
				Arguments.of("storage", "kd", "; shutdown", "is not a device path such as /dev/sdb"),
				Arguments.of("network", "d", "eth0\n<script>alert(1)</script>", "Give an interface name such as eth1"),
				Arguments.of("network", "m", "ëth0", "Give an interface name such as eth1"),
				Arguments.of("customize", "c", "", "Give the cluster a name."),
				Arguments.of("customize", "c", "<script>alert(1)</script>", "Use lower-case letters"),
				Arguments.of("customize", "c", "px-" + "a".repeat(5000), "Use lower-case letters"),
				Arguments.of("customize", "e", "X=$(id)\nBAD LINE <script>", "is not NAME=value"),
				Arguments.of("customize", "reg", "reg'; id", "Give a registry such as"),
				Arguments.of("customize", "st", "<script>", "Choose one of the options."));
	}

	@ParameterizedTest(name = "{0}: {1}={2}")
	@MethodSource("badAnswers")
	void badAnswerReRendersThePageWithAMessageNextToTheField(String step, String field, String value, String message) {
		Map<String, String> form = formFromSeed("version", "2.8");
		form.put(field, value);
		if (field.equals("kd")) {
			form.put("kdskip", "false");
		}
		if (step.equals("customize")) {
			form.put("dist", "none");
		}
		MvcTestResult result = post("/wizard/2.8/" + step, form).exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName("wizard/" + step);
		String inlineMessage = "id=\"" + field + "-error\"[^>]*>[^<]*" + Pattern.quote(HtmlUtils.htmlEscape(message));
		assertThat(result).bodyText()
			.containsPattern(inlineMessage)
			.contains("aria-invalid=\"true\"")
			.doesNotContain("<script>alert", "<script>", "<b>x</b>")
			.contains("Please correct the fields marked below.");
	}

	private MvcTestResult page(String url) {
		// As a browser sends it: already encoded, not a template to encode again.
		return mvc.get().uri(URI.create(url)).accept(MediaType.TEXT_HTML).exchange();
	}

	private MockMvcRequestBuilder post(String url, Map<String, String> form) {
		MockMvcRequestBuilder request = mvc.post().uri(url).with(csrf()).accept(MediaType.TEXT_HTML);
		form.forEach((name, value) -> request.param(name, value));
		return request;
	}

	private static Map<String, String> formFromSeed(String... extra) {
		Map<String, String> form = new LinkedHashMap<>(Specs.seedParameters());
		for (int i = 0; i < extra.length; i += 2) {
			form.put(extra[i], extra[i + 1]);
		}
		return form;
	}

}
