package dustwatch.contracts.risk;

/** Inherent risk level (固有风险等级): A ≥ 70, B 50–69, C 30–49, D &lt; 30 points. Domain reference §3.2 step A. */
public enum InherentLevel {
    A, B, C, D
}
