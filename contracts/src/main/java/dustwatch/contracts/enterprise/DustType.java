package dustwatch.contracts.enterprise;

/**
 * The combustible dust an enterprise handles (粉尘种类), grouped as the inherent-risk factor of domain
 * reference §3.2 step A groups them.
 */
public enum DustType {
    /** 铝镁等遇湿易燃金属粉尘: Al, Mg, Ti, Zr and other water-reactive metals. */
    AL_MG,
    /** 其他金属粉尘 */
    OTHER_METAL,
    /** 木质粉尘 */
    WOOD,
    /** 粮食/农产品 */
    GRAIN,
    /** 塑料/橡胶 */
    PLASTIC,
    /** 纺织 */
    TEXTILE,
    /** 其他可燃粉尘 */
    OTHER
}
