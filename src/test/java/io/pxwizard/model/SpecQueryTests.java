package io.pxwizard.model;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.PortworxRelease;
import io.pxwizard.catalog.TestCatalog;
import io.pxwizard.model.StorageClassOptions.StorageClassChoice;
import io.pxwizard.model.SpecQuery.StepOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

class SpecQueryTests {

	private final PortworxCatalog catalog = TestCatalog.get();

	private final SpecQuery specQuery = new SpecQuery(catalog);

	@Test
	void seedChoicesGiveTheSeedCommandsByteForByte() {
		SpecReading reading = specQuery.read("2.8", SpecParameters.of(Specs.seedParameters()));
		assertThat(reading.errors().all()).isEmpty();
		InstallCommands commands = specQuery.commands(reading.spec(), "https://install.portworx.com");
		assertThat(commands.applyCommands()).containsExactly(Specs.SEED_OPERATOR_COMMAND, Specs.SEED_SPEC_COMMAND);
		assertThat(commands.watchCommands()).containsExactly("kubectl -n kube-system get pods",
				"kubectl -n kube-system get storagecluster");
	}

	@Test
	void seedParametersAreWrittenInTheSeedOrderWhateverOrderTheyCameIn() {
		Map<String, String> shuffled = new LinkedHashMap<>();
		List<String> names = List.copyOf(Specs.seedParameters().keySet());
		for (int i = names.size() - 1; i >= 0; i--) {
			shuffled.put(names.get(i), Specs.seedParameters().get(names.get(i)));
		}
		SpecReading reading = specQuery.read("2.8", SpecParameters.of(shuffled));
		assertThat(specQuery.queryString(reading.spec())).isEqualTo(Specs.SEED_QUERY);
	}

	@Test
	void newSpecIsTheSeedShapeWithAFreshClusterNameAndAnEmptyEssentialsId() {
		SpecParameters first = specQuery.newSpec("2.8");
		SpecParameters second = specQuery.newSpec("2.8");
		assertThat(first.get("c"))
			.matches("px-cluster-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(first.get("c")).isNotEqualTo(second.get("c"));
		Map<String, String> filled = new LinkedHashMap<>(first.asMap());
		filled.put("user", Specs.ESSENTIALS_ID);
		filled.put("c", Specs.CLUSTER_NAME);
		assertThat(specQuery.queryString("2.8", filled)).isEqualTo(Specs.SEED_QUERY);
		// Without the Essentials ID the spec is not finished yet, and says where.
		SpecReading reading = specQuery.read("2.8", first);
		assertThat(reading.errors().has("user")).isTrue();
	}

	@Test
	void theFormsOwnFieldsAreNeverKeptAsSpecParameters() {
		Map<String, String> form = new LinkedHashMap<>(Specs.seedParameters());
		form.put("source", "local");
		form.put("dryRun", "true");
		form.put("confirmed", "true");
		SpecReading reading = specQuery.read("2.8", SpecParameters.of(form));
		assertThat(reading.errors().all()).isEmpty();
		assertThat(reading.spec().kept()).isEmpty();
		assertThat(specQuery.queryString(reading.spec())).doesNotContain("source", "dryRun", "confirmed");
	}

	@Test
	void withoutTheOperatorThereIsOneDaemonSetCommand() {
		SpecParameters state = Specs.seedWithout("operator");
		SpecReading reading = specQuery.read("2.8", state);
		InstallCommands commands = specQuery.commands(reading.spec(), "https://install.portworx.com");
		assertThat(commands.applyCommands())
			.containsExactly("kubectl apply -f 'https://install.portworx.com/2.8?mc=false" + "&kbver=&oem=esse&user="
					+ Specs.ESSENTIALS_ID + "&b=true&f=true&j=auto&c=" + Specs.CLUSTER_NAME
					+ "&stork=true&csi=true&lh=true&mon=true&st=k8s'");
		assertThat(commands.watchCommands()).containsExactly("kubectl -n kube-system get pods");
	}

	@Test
	void extraChoicesFollowInTheDocumentedOrder() {
		Map<String, String> parameters = new LinkedHashMap<>(Specs.seedParameters());
		parameters.remove("b");
		parameters.put("e", "A=1");
		parameters.put("pp", "IfNotPresent");
		parameters.put("rsec", "regcred");
		parameters.put("reg", "registry.example.com:5000/px");
		parameters.put("ns", "portworx");
		parameters.put("tel", "false");
		parameters.put("osft", "true");
		parameters.put("m", "eth2");
		parameters.put("d", "eth1");
		parameters.put("s", "/dev/sdb,/dev/sdc");
		parameters.put("k", "etcd:http://10.0.0.1:2379");
		SpecReading reading = specQuery.read("3.2", SpecParameters.of(parameters));
		assertThat(reading.errors().all()).isEmpty();
		// 3.x order, as real 3.x URLs show: ns after kbver, f before s, m before d,
		// e/reg/rsec before promop.
		assertThat(specQuery.queryString(reading.spec())).isEqualTo("operator=true&mc=false&kbver=&ns=portworx&oem=esse"
				+ "&user=" + Specs.ESSENTIALS_ID
				+ "&k=etcd%3Ahttp%3A%2F%2F10.0.0.1%3A2379&f=true&s=%2Fdev%2Fsdb%2C%2Fdev%2Fsdc"
				+ "&j=auto&m=eth2&d=eth1&c=" + Specs.CLUSTER_NAME + "&osft=true&stork=true&csi=true&lh=true&mon=true"
				+ "&tel=false&st=k8s&e=A%3D1&reg=registry.example.com%3A5000%2Fpx&rsec=regcred&promop=true"
				+ "&pp=IfNotPresent");
		// Portworx Central's 3.x operator command carries kbver and ns; px-wizard's own
		// server gets the registry too.
		InstallCommands commands = specQuery.commands(reading.spec(), "https://install.portworx.com");
		assertThat(commands.operatorUrl())
			.isEqualTo("https://install.portworx.com/3.2?comp=pxoperator&kbver=&ns=portworx");
		assertThat(specQuery.commands(reading.spec(), "http://px-wizard:8080/install").operatorUrl())
			.isEqualTo("http://px-wizard:8080/install/3.2?comp=pxoperator&ns=portworx"
					+ "&reg=registry.example.com%3A5000%2Fpx&rsec=regcred&pp=IfNotPresent");
		assertThat(commands.watchCommands()).first().isEqualTo("kubectl -n portworx get pods");
	}

	@Test
	void etcdEndpointsWithoutThePrefixAreGivenIt() {
		SpecParameters state = SpecParameters.of(Map.of("k", "http://10.0.0.1:2379, https://etcd.example.com:2379"));
		FieldErrors errors = new FieldErrors();
		KvdbOptions kvdb = new KvdbFamily().read(state, errors);
		assertThat(errors.all()).isEmpty();
		assertThat(kvdb.etcdEndpoints()).containsExactly("etcd:http://10.0.0.1:2379",
				"etcd:https://etcd.example.com:2379");
	}

	@Test
	void whatUsersTypeIsPercentEncodedAndTheCommandStaysOneSafeShellWord() {
		Map<String, String> parameters = new LinkedHashMap<>(Specs.seedParameters());
		parameters.put("e", "GREETING=it's $(rm -rf /); `id` & <b>");
		SpecReading reading = specQuery.read("2.8", SpecParameters.of(parameters));
		assertThat(reading.errors().all()).isEmpty();
		String command = specQuery.commands(reading.spec(), "https://install.portworx.com").applyCommands().get(1);
		assertThat(command)
			.endsWith("&e=GREETING%3Dit%27s%20%24%28rm%20-rf%20%2F%29%3B%20%60id%60%20%26%20%3Cb%3E" + "&promop=true'");
		String url = command.substring("kubectl apply -f '".length(), command.length() - 1);
		assertThat(url).doesNotContain("'", " ", "$", ";", "`", "<", "\n");
	}

	@Test
	void shellQuotingEscapesSingleQuotes() {
		assertThat(ShellQuoting.singleQuoted("a'b")).isEqualTo("'a'\\''b'");
		assertThat(ShellQuoting.quotedIfNeeded("kube-system")).isEqualTo("kube-system");
		assertThat(ShellQuoting.quotedIfNeeded("a b")).isEqualTo("'a b'");
	}

	static Stream<Arguments> badValues() {
		String longValue = "x".repeat(5000);
		return Stream.of(Arguments.of("user", "", "user"), Arguments.of("user", "not-a-uuid", "user"),
				Arguments.of("user", "152f6083-a52f-11ea-97e6-f6e09c7a4e5e'; rm -rf /", "user"),
				Arguments.of("user", "<script>alert(1)</script>", "user"), Arguments.of("user", longValue, "user"),
				Arguments.of("oem", "premium", "oem"), Arguments.of("operator", "yes", "operator"),
				Arguments.of("mc", "true", "mc"), Arguments.of("kbver", "1.21;reboot", "kbver"),
				Arguments.of("kbver", "1.21\n3", "kbver"), Arguments.of("kbver", "１.２１", "kbver"),
				Arguments.of("b", "maybe", "b"), Arguments.of("f", "$(id)", "f"), Arguments.of("j", "/tmp/x", "j"),
				Arguments.of("j", "/dev/../etc/passwd", "j"), Arguments.of("kd", "sdb", "kd"),
				Arguments.of("kd", "/dev/sdb,/dev/sdc", "kd"), Arguments.of("s", "/dev/sdb;reboot", "s"),
				Arguments.of("s", "/dev/sdb,/dev/sdb", "s"), Arguments.of("s", "/dev/sdb\n/dev/`id`", "s"),
				Arguments.of("d", "eth0; reboot", "d"), Arguments.of("d", "a-very-long-interface-name", "d"),
				Arguments.of("m", "ëth0", "m"), Arguments.of("c", "", "c"), Arguments.of("c", "PX_Cluster", "c"),
				Arguments.of("c", "px-" + "a".repeat(70), "c"), Arguments.of("c", "px'cluster", "c"),
				Arguments.of("ns", "Kube System", "ns"), Arguments.of("st", "", "st"),
				Arguments.of("st", "$(id)", "st"), Arguments.of("stork", "1", "stork"),
				Arguments.of("tel", "off", "tel"), Arguments.of("reg", "https://registry.example.com", "reg"),
				Arguments.of("reg", "reg istry", "reg"), Arguments.of("rsec", "My Secret", "rsec"),
				Arguments.of("pp", "Sometimes", "pp"), Arguments.of("e", "no-equals-sign", "e"),
				Arguments.of("e", "1BAD=x", "e"), Arguments.of("e", longValue, "e"),
				Arguments.of("osft", "yes", "dist"), Arguments.of("sc", "mongodb", "sc"),
				Arguments.of("sc", "cassandra:px-c:3", "sc"), Arguments.of("sc", "mongodb:PX_Mongo:3", "sc"),
				Arguments.of("sc", "mongodb:px-mongodb:4", "sc"), Arguments.of("sc", "mongodb:px-mongodb:0", "sc"),
				Arguments.of("sc", "mongodb:px-db:3,redis:px-db:2", "sc"),
				Arguments.of("sc", "mongodb:a:3,mongodb:b:3", "sc"),
				Arguments.of("scdefault", "local-path", "scdefault"));
	}

	@ParameterizedTest(name = "{0}={1} is refused on {2}")
	@MethodSource("badValues")
	void badValuesAreRefusedWithAMessageOnTheirField(String name, String value, String field) {
		SpecReading reading = specQuery.read("2.8", Specs.seedWith(name, value));
		assertThat(reading.isValid()).isFalse();
		assertThat(reading.errors().has(field)).as(reading.errors().all().toString()).isTrue();
		assertThat(reading.errors().all()).hasSize(1);
	}

	@Test
	void storageClassesTravelInPxWizardsUrlsButNeverInACommandForPortworxCentral() {
		SpecReading reading = specQuery.read("2.8",
				Specs.seedWith("sc", "mongodb:px-mongodb:3,redis:px-redis:2", "scdefault", "px-mongodb"));
		assertThat(reading.errors().all()).isEmpty();
		assertThat(specQuery.queryString(reading.spec()))
			.isEqualTo(Specs.SEED_QUERY + "&sc=mongodb%3Apx-mongodb%3A3%2Credis%3Apx-redis%3A2&scdefault=px-mongodb");
		assertThat(specQuery.storageClasses(reading.spec()).classes())
			.extracting(StorageClassChoice::name, StorageClassChoice::replication)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("px-mongodb", 3),
					org.assertj.core.groups.Tuple.tuple("px-redis", 2));
		assertThat(reading.spec().kept()).isEmpty();
		InstallCommands commands = specQuery.commands(reading.spec(), "https://install.portworx.com");
		assertThat(commands.applyCommands()).containsExactly(Specs.SEED_OPERATOR_COMMAND, Specs.SEED_SPEC_COMMAND);
		assertThat(specQuery.sourceUrl(reading.spec())).doesNotContain("sc=", "scdefault");
	}

	@Test
	void twoDistributionsAtOnceAreRefused() {
		Map<String, String> parameters = new LinkedHashMap<>(Specs.seedParameters());
		parameters.put("osft", "true");
		parameters.put("eks", "true");
		assertThat(specQuery.read("2.8", SpecParameters.of(parameters)).errors().has("dist")).isTrue();
	}

	@Test
	void prometheusOperatorNeedsMonitoring() {
		assertThat(specQuery.read("2.8", Specs.seedWithout("mon")).errors().has("promop")).isTrue();
	}

	@Test
	void kvdbDeviceNeedsTheBuiltInKvdb() {
		Map<String, String> parameters = new LinkedHashMap<>(Specs.seedParameters());
		parameters.remove("b");
		parameters.put("k", "etcd:http://10.0.0.1:2379");
		parameters.put("kd", "/dev/sdd");
		assertThat(specQuery.read("2.8", SpecParameters.of(parameters)).errors().has("kd")).isTrue();
	}

	@Test
	void forwardStepValidatesAndWritesCanonicalParameters() {
		Map<String, String> form = new LinkedHashMap<>(Specs.seedParameters());
		form.put("scan", "manual");
		form.put("s", " /dev/sdb , /dev/sdc ");
		form.put("kdskip", "false");
		form.put("kd", "/dev/sdd");
		form.put("j", "");
		StepOutcome outcome = specQuery.takeFamilies("2.8", List.of(OptionFamilies.STORAGE), SpecParameters.of(form),
				true);
		assertThat(outcome.errors().all()).isEmpty();
		assertThat(outcome.state().asMap()).containsEntry("s", "/dev/sdb,/dev/sdc")
			.containsEntry("kd", "/dev/sdd")
			.doesNotContainKeys("scan", "kdskip", "j");
		assertThat(outcome.state().get("user")).isEqualTo(Specs.ESSENTIALS_ID);
	}

	@Test
	void aSingleJournalOrKvdbDeviceIsWrittenAsThePathAlone() {
		Map<String, String> form = new LinkedHashMap<>(Specs.seedParameters());
		form.put("scan", "manual");
		form.put("s", "/dev/sdb");
		form.put("kdskip", "false");
		form.put("kd", " /dev/sdd, ");
		form.put("jmode", "device");
		form.put("j", "/dev/sdc ,");
		StepOutcome outcome = specQuery.takeFamilies("2.8", List.of(OptionFamilies.STORAGE), SpecParameters.of(form),
				true);
		assertThat(outcome.errors().all()).isEmpty();
		assertThat(outcome.state().asMap()).containsEntry("kd", "/dev/sdd").containsEntry("j", "/dev/sdc");
	}

	@Test
	void backKeepsWrongAnswersAsTypedWithoutComplaining() {
		Map<String, String> form = new LinkedHashMap<>(Specs.seedParameters());
		form.put("scan", "manual");
		form.put("s", "sdb");
		StepOutcome outcome = specQuery.takeFamilies("2.8", List.of(OptionFamilies.STORAGE), SpecParameters.of(form),
				false);
		assertThat(outcome.errors().all()).isEmpty();
		assertThat(outcome.state().get("s")).isEqualTo("sdb");
		StepOutcome forward = specQuery.takeFamilies("2.8", List.of(OptionFamilies.STORAGE), SpecParameters.of(form),
				true);
		assertThat(forward.errors().has("s")).isTrue();
	}

	@Test
	void impliedFormValuesFollowTheUrl() {
		SpecParameters manual = Specs.seedWith("s", "/dev/sdb");
		assertThat(specQuery.impliedFormValues(List.of(OptionFamilies.STORAGE), manual)).containsEntry("scan", "manual")
			.containsEntry("kdskip", "true");
		assertThat(specQuery.impliedFormValues(List.of(OptionFamilies.DISTRIBUTION), Specs.seedWith("gke", "true")))
			.containsEntry("dist", "gke");
		assertThat(specQuery.impliedFormValues(List.of(OptionFamilies.KVDB), Specs.seedWithout("b"))).containsEntry("b",
				"true");
	}

	@Test
	void parametersPxWizardDoesNotModelStayWhereTheUrlHadThem() {
		// A real 2.9 GKE URL (conformance corpus): cloud-drive parameters around the ones
		// px-wizard models.
		String query = "operator=true&mc=false&kbver=1.20.8&b=true&kd=type%3Dpd-standard%2Csize%3D150&csicd=true&mz=5"
				+ "&s=%22type%3Dpd-ssd%2Csize%3D150%22&j=auto&c=px-cluster-cb94f533-5006-4299-b6b4-ad8e09690b74&gke=true"
				+ "&stork=true&csi=true&mon=true&st=k8s&promop=true";
		SpecReading reading = specQuery.read("2.9", SpecParameters.fromQuery(query));
		assertThat(reading.errors().all()).isEmpty();
		assertThat(reading.spec().kept()).extracting(KeptParameter::toString)
			.containsExactly("kd=type=pd-standard,size=150", "csicd=true", "mz=5", "s=\"type=pd-ssd,size=150\"");
		assertThat(reading.spec().rendersLocally()).isFalse();
		assertThat(specQuery.queryString(reading.spec())).isEqualTo(query);
		// Written in any order, the modelled ones take the line's order and the kept ones
		// their neighbours'.
		assertThat(specQuery.queryString("2.9", SpecParameters.fromQuery(query).asMap())).isEqualTo(query);
	}

	@Test
	void thePagesOwnFieldsNeverBecomeParametersKeptAsGiven() {
		Map<String, String> form = new LinkedHashMap<>(Specs.seedParameters());
		form.put("env", "onprem");
		form.put("scan", "auto");
		form.put("kdskip", "true");
		StepOutcome outcome = specQuery.takeFamilies("2.8", List.of(OptionFamilies.STORAGE), SpecParameters.of(form),
				true);
		assertThat(outcome.errors().all()).isEmpty();
		assertThat(specQuery.queryString("2.8", outcome.state().asMap())).isEqualTo(Specs.SEED_QUERY);
		assertThat(specQuery.kept("2.8", outcome.state())).isEmpty();
	}

	@Test
	void aParameterOfAnotherReleaseLineIsKeptNotDroppedNorModelled() {
		// iop belongs to 3.x; a 2.8 URL that carries it keeps it as given.
		SpecReading reading = specQuery.read("2.8", Specs.seedWith("iop", "6"));
		assertThat(reading.errors().all()).isEmpty();
		assertThat(reading.spec().kept()).extracting(KeptParameter::name).containsExactly("iop");
		assertThat(reading.spec().storage().ioProfile()).isEmpty();
		assertThat(specQuery.read("3.2", Specs.seedWith("iop", "6")).spec().storage().ioProfile()).isEqualTo("6");
	}

	@Test
	void hostileUnknownParametersAreRefusedInWordsNotEchoed() {
		Map<String, String> parameters = new LinkedHashMap<>(Specs.seedParameters());
		parameters.put("<script>", "1");
		parameters.put("long", "x".repeat(2000));
		SpecReading reading = specQuery.read("2.8", SpecParameters.of(parameters));
		assertThat(reading.errors().all()).extracting(FieldErrors.Problem::code)
			.containsExactlyInAnyOrder("error.kept.name", "error.tooLong");
		Map<String, String> many = new LinkedHashMap<>(Specs.seedParameters());
		IntStream.range(0, 40).forEach((i) -> many.put("x" + i, "1"));
		assertThat(specQuery.read("2.8", SpecParameters.of(many)).errors().all()).extracting(FieldErrors.Problem::code)
			.contains("error.kept.tooMany");
	}

	@Test
	void choosingAnotherReleaseLineSwapsOnlyTheNewSpecDefaultsLeftAsTheyWere() {
		SpecParameters v36 = specQuery.newSpec("3.6");
		assertThat(v36.asMap()).containsEntry("ns", "portworx").containsEntry("iop", "6").containsEntry("tel", "true");
		SpecParameters v28 = specQuery.switchRelease(v36, "3.6", "2.8");
		assertThat(v28.asMap()).doesNotContainKeys("ns", "iop", "tel");
		assertThat(specQuery.switchRelease(v28, "2.8", "3.6").asMap()).containsEntry("ns", "portworx")
			.containsEntry("iop", "6");
		// What the administrator chose stays.
		Map<String, String> chosen = new LinkedHashMap<>(v36.asMap());
		chosen.put("ns", "storage");
		assertThat(specQuery.switchRelease(SpecParameters.of(chosen), "3.6", "2.8").asMap()).containsEntry("ns",
				"storage");
	}

	@ParameterizedTest(name = "kbver={0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "1.29.4", "v1.29.4+k3s1", "1.23.13-eks-fb459a0",
			"v1.28.9+rke2r1", "1.27.3-gke.100", "1.20.7-eks-d88609", "1.22" })
	void kubernetesVersionsAsKubectlPrintsThemAreAcceptedAndWrittenAsGiven(String kbver) {
		SpecReading reading = specQuery.read("2.12", Specs.seedWith("kbver", kbver));
		assertThat(reading.errors().all()).isEmpty();
		assertThat(specQuery.queryString(reading.spec()))
			.contains("kbver=" + UriUtils.encode(kbver, StandardCharsets.UTF_8) + "&");
		assertThat(specQuery.commands(reading.spec(), "https://install.portworx.com").operatorUrl())
			.isEqualTo("https://install.portworx.com/2.12?comp=pxoperator&kbver="
					+ UriUtils.encode(kbver, StandardCharsets.UTF_8));
	}

	@Test
	void kubernetesVersionReadsTheLeadingMajorAndMinor() {
		assertThat(KubernetesVersion.parse("1.23.13-eks-fb459a0")).get().satisfies((v) -> {
			assertThat(v.isBefore(1, 25)).isTrue();
			assertThat(v.minor()).isEqualTo(23);
		});
		assertThat(KubernetesVersion.parse("v1.29.4+k3s1")).get().extracting((v) -> v.isBefore(1, 25)).isEqualTo(false);
		assertThat(KubernetesVersion.parse("1.21;reboot")).isEmpty();
		assertThat(KubernetesVersion.fromGitVersion("v1.30.2+k3s1")).isEqualTo("1.30.2+k3s1");
	}

	/** Any valid spec URL, parsed and written again, is the same URL. */
	@ParameterizedTest(name = "random valid spec #{0}")
	@MethodSource("seeds")
	void validSpecUrlsRoundTrip(long seed) {
		Random random = new Random(seed);
		PortworxRelease release = catalog.releases().get(random.nextInt(catalog.releases().size()));
		Map<String, String> canonical = randomCanonicalSpec(random);
		String query = specQuery.queryString(release.version(), canonical);
		SpecReading reading = specQuery.read(release.version(), SpecParameters.of(canonical));
		assertThat(reading.errors().all()).as(query).isEmpty();
		assertThat(specQuery.queryString(reading.spec())).isEqualTo(query);
	}

	static Stream<Long> seeds() {
		return IntStream.range(0, 300).mapToObj((i) -> 7919L * i + 17);
	}

	/**
	 * A spec drawn at random, written as Portworx Central writes it (absent where it
	 * leaves a value out).
	 */
	private Map<String, String> randomCanonicalSpec(Random random) {
		Map<String, String> p = new LinkedHashMap<>();
		boolean operator = random.nextBoolean();
		if (operator) {
			p.put("operator", "true");
		}
		p.put("mc", "false");
		p.put("kbver", pick(random, "", "1.21.3", "1.25", "v1.30.2", "1.23.13-eks-fb459a0", "v1.29.4+k3s1",
				"v1.28.9+rke2r1", "1.27.3-gke.100"));
		if (random.nextBoolean()) {
			p.put("oem", "esse");
			p.put("user", UUID.randomUUID().toString());
		}
		boolean builtIn = random.nextBoolean();
		if (builtIn) {
			p.put("b", "true");
		}
		else {
			p.put("k", pick(random, "etcd:http://10.0.0.1:2379",
					"etcd:https://etcd.example.com:2379,etcd:http://[fd00::1]:2379"));
		}
		if (random.nextBoolean()) {
			p.put("s", pick(random, "/dev/sdb", "/dev/sdb,/dev/nvme0n1", "/dev/disk/by-id/wwn-0x5000c500a0b1c2d3"));
		}
		putMaybe(random, p, "f", "true");
		putMaybe(random, p, "j", pick(random, "auto", "/dev/sdj"));
		if (builtIn) {
			putMaybe(random, p, "kd", "/dev/sdd");
		}
		putMaybe(random, p, "d", "eth1");
		putMaybe(random, p, "m", "bond0.100");
		p.put("c", "px-cluster-" + UUID.randomUUID());
		if (random.nextBoolean()) {
			p.put(pick(random, "osft", "aks", "eks", "gke", "pks", "iks"), "true");
		}
		putMaybe(random, p, "stork", "true");
		putMaybe(random, p, "csi", "true");
		putMaybe(random, p, "lh", "true");
		boolean monitoring = random.nextBoolean();
		if (monitoring) {
			p.put("mon", "true");
		}
		putMaybe(random, p, "tel", "false");
		p.put("st", pick(random, "k8s", "vault", "aws-kms", "kvdb"));
		if (monitoring && operator) {
			putMaybe(random, p, "promop", "true");
		}
		putMaybe(random, p, "ns", "portworx");
		putMaybe(random, p, "reg", "registry.example.com:5000/portworx");
		putMaybe(random, p, "rsec", "regcred");
		putMaybe(random, p, "pp", pick(random, "Always", "IfNotPresent", "Never"));
		putMaybe(random, p, "e",
				pick(random, "A=1", "PX_HTTP_PROXY=http://proxy:3128,EMPTY=", "MSG=it's a $(test) & more"));
		return p;
	}

	private static void putMaybe(Random random, Map<String, String> p, String name, String value) {
		if (random.nextBoolean()) {
			p.put(name, value);
		}
	}

	private static String pick(Random random, String... values) {
		return values[random.nextInt(values.length)];
	}

}
