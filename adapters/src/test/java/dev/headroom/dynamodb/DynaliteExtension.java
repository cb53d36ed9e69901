package dev.headroom.dynamodb;

import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension that shares one {@link DynaliteServer} among every test class of a run and
 * stops it when the run ends. Register it as a static field with {@code @RegisterExtension}.
 */
final class DynaliteExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DynaliteExtension.class);

    private volatile DynaliteServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("server", key -> DynaliteServer.start(), DynaliteServer.class);
    }

    /** Returns the running server's endpoint; valid after the extension's beforeAll. */
    URI endpoint() {
        return server.endpoint();
    }
}
