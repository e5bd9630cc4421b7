package io.dossierpulse.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.streams.PulseConfig;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jgroups.conf.ProtocolConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewSettingsTest {

    /** PulseConfig.View answering with the defaults its annotations declare, as the application reads them. */
    static PulseConfig.View declaredDefaults() {
        return (PulseConfig.View) Proxy.newProxyInstance(ViewSettingsTest.class.getClassLoader(),
                new Class<?>[] {PulseConfig.View.class}, (proxy, method, args) -> {
                    Class<?> type = method.getReturnType();
                    if (method.getAnnotation(WithDefault.class) == null) {
                        return java.util.Optional.empty(); // an optional setting without a default
                    }
                    String value = method.getAnnotation(WithDefault.class).value();
                    return type == int.class ? Integer.valueOf(value) : type == long.class ? Long.valueOf(value) : value;
                });
    }

    @Test
    void theDeclaredDefaultsAreTheLocalSettings() {
        assertEquals(ViewSettings.local(), CounterView.settings(declaredDefaults(), java.util.Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "LOCAL", " Replicated "})
    void modesAreReadWhateverTheirCase(String value) {
        assertEquals(value.trim().toUpperCase(Locale.ROOT), ViewSettings.parseMode(value).name());
    }

    @Test
    void aWrongModeNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ViewSettings.parseMode("DISTRIBUTED"));
        assertTrue(e.getMessage().contains("pulse.view.mode"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1[7800]", "10.0.0.5[7800],10.0.0.6[7800]", "a.example[7800], b.example[7801]"})
    void initialHostListsAreAccepted(String hosts) {
        ViewSettings s = new ViewSettings(ViewMode.REPLICATED, "c", "127.0.0.1", 7800, 10, hosts, 400, 10, "view-test-secret");
        assertEquals(hosts, s.initialHosts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1", "127.0.0.1:7800", "127.0.0.1[7800],", "[7800]"})
    void malformedInitialHostsAreRefusedWithTheKey(String hosts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ViewSettings(ViewMode.REPLICATED, "c", "127.0.0.1", 7800, 10, hosts, 400, 10, "view-test-secret"));
        assertTrue(e.getMessage().contains("pulse.view.initial-hosts"), e.getMessage());
    }

    @Test
    void outOfRangeNumbersAreRefusedWithTheirKey() {
        ViewSettings ok = ViewSettings.local();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ok.withRetentionDays(0))
                .getMessage().contains("pulse.view.retention-days"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ok.withMaxEntries(0))
                .getMessage().contains("pulse.view.max-entries"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ViewSettings(ViewMode.LOCAL, "c", "127.0.0.1", 65530, 10, "h[1]", 400, 10, "view-test-secret"))
                .getMessage().contains("pulse.view.port-range"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ViewSettings(ViewMode.LOCAL, " ", "127.0.0.1", 7800, 10, "h[1]", 400, 10, "view-test-secret"))
                .getMessage().contains("pulse.view.cluster-name"));
    }

    @Test
    void theStackListensOnlyOnTheBindAddressAndDiscoversTheInitialHosts() {
        ViewSettings s = new ViewSettings(ViewMode.REPLICATED, "c", "10.1.2.3", 7900, 3,
                "10.1.2.3[7900], 10.1.2.4[7900]", 400, 10, "view-test-secret");
        Map<String, ProtocolConfiguration> stack = new LinkedHashMap<>();
        ViewCaches.tcpStack(s).forEach(p -> stack.put(p.getProtocolName(), p));

        assertEquals("TCP", stack.keySet().iterator().next());
        assertEquals("10.1.2.3", stack.get("TCP").getProperties().get("bind_addr"));
        assertEquals("7900", stack.get("TCP").getProperties().get("bind_port"));
        assertEquals("3", stack.get("TCP").getProperties().get("port_range"));
        assertEquals("10.1.2.3", stack.get("FD_SOCK2").getProperties().get("bind_addr"));
        assertEquals("10.1.2.3[7900],10.1.2.4[7900]", stack.get("TCPPING").getProperties().get("initial_hosts"));
        assertEquals("3", stack.get("TCPPING").getProperties().get("port_range"));
        assertTrue(stack.containsKey("pbcast.GMS") && stack.containsKey("FRAG4"), stack.keySet().toString());
    }
}
