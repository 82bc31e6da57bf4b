package io.pxwizard.apply;

/** Told when an apply has ended (the apply history records it). */
public interface ApplyRunListener {

	void finished(ApplyRun run);

}
