package dustwatch.ingest.registry.web;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.registry.Registration;
import dustwatch.ingest.registry.Registry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import dustwatch.ingest.platform.StrictJson;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/v1/registry/enterprises}: PUT by city nodes only (dustwatch.security.city-node-paths), GET scoped. */
@RestController
@RequestMapping("/api/v1/registry/enterprises")
public class RegistryController {
    private final Registry registry;

    public RegistryController(Registry registry) {
        this.registry = registry;
    }

    /** 200 with the stored profile; 422 {@code errors:[{field, reason}]}; 503 with Retry-After. */
    @PutMapping("/{uscc}")
    public EnterpriseProfile register(@PathVariable String uscc, @RequestBody(required = false) byte[] body, Actor actor) {
        return registry.register(uscc, StrictJson.read(body, Registration.class), actor);
    }

    /** The enterprises in the caller's scope, ordered by USCC. */
    @GetMapping
    public List<EnterpriseProfile> list(Actor actor) {
        return registry.visibleTo(actor);
    }
}
