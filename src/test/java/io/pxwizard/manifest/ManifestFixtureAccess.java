package io.pxwizard.manifest;

public class ManifestFixtureAccess {

	public static String seedYaml() {
		ManifestFixture f = new ManifestFixture();
		return f.manifests.clusterYaml(f.seed());
	}

	public static String allYaml() {
		ManifestFixture f = new ManifestFixture();
		return f.manifests.allYaml(f.seedWith("kbver", "1.24.9", "ns", "portworx", "reg", "registry.example.com:5000"));
	}

}
