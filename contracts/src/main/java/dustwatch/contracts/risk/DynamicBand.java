package dustwatch.contracts.risk;

/** Dynamic risk band (动态风险): H ≥ 60, M 30–59, L 10–29, NONE &lt; 10 points. Domain reference §3.2 step B. */
public enum DynamicBand {
    NONE, L, M, H
}
