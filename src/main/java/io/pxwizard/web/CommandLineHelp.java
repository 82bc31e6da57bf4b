package io.pxwizard.web;

import java.util.stream.Collectors;

import io.pxwizard.catalog.Distribution;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.PortworxRelease;
import io.pxwizard.catalog.SecretsStore;

/** What {@code curl localhost:8080/} prints. */
final class CommandLineHelp {

	private CommandLineHelp() {
	}

	static String text(PortworxCatalog catalog, String baseUrl) {
		String versions = catalog.releases().stream().map(PortworxRelease::version).collect(Collectors.joining(", "));
		String distributions = catalog.distributions()
			.stream()
			.filter((d) -> !d.isNone())
			.map(Distribution::param)
			.collect(Collectors.joining("|"));
		String stores = catalog.secretsStores().stream().map(SecretsStore::value).collect(Collectors.joining("|"));
		// The newest release's own new spec, as the wizard would start it.
		String newest = catalog.newestRelease().version();
		String example = baseUrl + "/spec/" + newest + "?" + exampleQuery(catalog, newest);
		return """
				px-wizard: the Portworx Central spec generator, locally.

				Get the kubectl commands of a spec (one a line):
				  curl '%s'

				The path is the Portworx version (%s).
				The query uses install.portworx.com's parameters:
				  operator=true        use the Portworx Operator (leave out for the DaemonSet install)
				  mc=false             as Portworx Central writes it
				  kbver=1.29.4+k3s1    Kubernetes version as kubectl version prints it (may be empty)
				  oem=esse&user=UUID   Portworx Essentials and its Essentials ID (leave out for Enterprise)
				  b=true               built-in ETCD, or k=etcd:http://host:2379[,...] for your own
				  s=/dev/sdb[,...]     manually specified disks (leave out to scan disks automatically)
				  f=true               use unmounted disks even if they have a partition or filesystem
				  iop=6                default IO profile Auto (3.x)
				  j=auto               journal device (auto or a device path; leave out for none)
				  kd=/dev/sdd          KVDB device (leave out to skip it)
				  d=eth1, m=eth2       data and management network interfaces (auto when left out)
				  c=px-cluster-UUID    cluster name
				  %s=true        distribution (leave out for None)
				  stork, csi, lh, mon, promop =true    Stork, CSI, Lighthouse, monitoring, Portworx-managed Prometheus
				  stork=false, aut=false, tel=false    Stork, Autopilot, telemetry off (on when left out)
				  st=%s     secrets store type
				  ns=portworx          namespace (kube-system when left out)
				  anything else        kept as given in the commands (cloud drives and other platforms' parameters)
				  reg=host:port/path, rsec=secret, pp=IfNotPresent     image registry, pull secret, pull policy
				  e=NAME=value[,...]   environment variables

				Open %s/wizard in a browser for the wizard.
				""".formatted(example, versions, distributions, stores, baseUrl);
	}

	private static String exampleQuery(PortworxCatalog catalog, String version) {
		java.util.Map<String, String> parameters = new java.util.HashMap<>(catalog.defaults().parameters());
		catalog.release(version).map(catalog::profile).ifPresent((profile) -> parameters.putAll(profile.newSpec()));
		parameters.put("user", "<essentials-id>");
		parameters.put("c", "px-cluster-<uuid>");
		// In the release line's order, as Portworx Central writes it.
		return catalog.release(version)
			.map(catalog::profile)
			.orElseThrow()
			.parameterOrder()
			.stream()
			.filter(parameters::containsKey)
			.map((name) -> name + "=" + parameters.get(name))
			.collect(Collectors.joining("&"));
	}

}
