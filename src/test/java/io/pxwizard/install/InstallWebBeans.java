package io.pxwizard.install;

import org.springframework.context.annotation.Import;

/** The apply feature's beans its controller needs, for web slices (they are package-private). */
@Import({ ManifestSource.class, Preflight.class, ApplyRuns.class, Installer.class })
public class InstallWebBeans {

}
