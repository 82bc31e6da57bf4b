package io.pxwizard.model;

import java.util.List;

/**
 * The key-value store Portworx keeps its cluster state in.
 *
 * @param builtIn the built-in KVDB ({@code b=true})
 * @param etcdEndpoints external etcd endpoints ({@code k=}), each
 * {@code etcd:http(s)://host:port}
 */
public record KvdbOptions(boolean builtIn, List<String> etcdEndpoints) {

	public KvdbOptions {
		etcdEndpoints = List.copyOf(etcdEndpoints);
	}

}
