package dustwatch.contracts.reading;

/** Parameter class of domain reference §1.2: M mandatory (必选), C conditionally mandatory, O optional (可选). */
public enum ParameterClass {
    MANDATORY, CONDITIONAL, OPTIONAL
}
