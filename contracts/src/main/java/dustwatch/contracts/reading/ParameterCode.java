package dustwatch.contracts.reading;

import java.util.Arrays;
import java.util.Optional;

/**
 * The parameter catalogue (监测参数目录) of domain reference §1.2: code, Chinese name, collector kind,
 * signal type, unit and class. The codes appear inside point codes
 * ({@code {collectorCode}-{paramCode}[-{n}]}, §2.3).
 */
public enum ParameterCode {
    DRY_HOPPER_TEMP("灰斗温度", Applies.DRY, SignalType.AI, "℃", ParameterClass.MANDATORY),
    DRY_DP("进出口压差", Applies.DRY, SignalType.AI, "Pa", ParameterClass.MANDATORY),
    DRY_AIRLOCK_FAULT("锁气卸灰故障", Applies.DRY, SignalType.DI, "0/1", ParameterClass.MANDATORY),
    DRY_AIRLOCK_RUN("锁气卸灰运行", Applies.DRY, SignalType.DI, "0/1", ParameterClass.OPTIONAL),
    FAN_RUN("风机运行状态", Applies.BOTH, SignalType.DI, "0/1", ParameterClass.MANDATORY),
    FAN_CURRENT("风机电流", Applies.BOTH, SignalType.AI, "A", ParameterClass.OPTIONAL),
    PULSE_AIR_P("脉冲喷吹气源压力", Applies.DRY, SignalType.AI, "MPa", ParameterClass.OPTIONAL),
    PULSE_CTRL_FAULT("清灰控制器故障", Applies.DRY, SignalType.DI, "0/1", ParameterClass.OPTIONAL),
    DUCT_VELOCITY("风管风速", Applies.DRY, SignalType.AI, "m/s", ParameterClass.OPTIONAL),
    INLET_TEMP("进口温度", Applies.DRY, SignalType.AI, "℃", ParameterClass.OPTIONAL),
    OUTLET_TEMP("出口温度", Applies.DRY, SignalType.AI, "℃", ParameterClass.OPTIONAL),
    SPARK_DETECT("火花探测", Applies.BOTH, SignalType.CNT, "count", ParameterClass.CONDITIONAL),
    SPARK_EXTINGUISH("火花熄灭动作", Applies.BOTH, SignalType.DI, "0/1", ParameterClass.CONDITIONAL),
    SPARK_SYS_FAULT("火花探测系统故障", Applies.BOTH, SignalType.DI, "0/1", ParameterClass.CONDITIONAL),
    VENT_BURST("泄爆片动作", Applies.BOTH, SignalType.DI, "0/1", ParameterClass.OPTIONAL),
    ISOLATION_VALVE("隔爆阀动作", Applies.BOTH, SignalType.DI, "0/1", ParameterClass.OPTIONAL),
    SUPPRESS_STATUS("抑爆系统动作", Applies.BOTH, SignalType.DI, "0/1", ParameterClass.OPTIONAL),
    INERT_O2("惰化氧含量", Applies.BOTH, SignalType.AI, "%vol", ParameterClass.OPTIONAL),
    WET_TANK_LEVEL("水箱水位", Applies.WET, SignalType.AI, "m", ParameterClass.MANDATORY),
    WET_FLOW("循环水流量", Applies.WET, SignalType.AI, "m³/h", ParameterClass.MANDATORY),
    WET_H2("氢气浓度", Applies.WET, SignalType.AI, "%LEL", ParameterClass.CONDITIONAL),
    WET_WATER_P("喷淋水压", Applies.WET, SignalType.AI, "MPa", ParameterClass.OPTIONAL),
    WET_PUMP_RUN("循环泵运行", Applies.WET, SignalType.DI, "0/1", ParameterClass.OPTIONAL),
    H2_EXHAUST_RUN("排氢风机运行", Applies.WET, SignalType.DI, "0/1", ParameterClass.OPTIONAL),
    PROD_EQUIP_RUN("产尘设备运行", Applies.BOTH, SignalType.DI, "0/1", ParameterClass.OPTIONAL);

    private final String chineseName;
    private final Applies applies;
    private final SignalType signalType;
    private final String unit;
    private final ParameterClass parameterClass;

    ParameterCode(String chineseName, Applies applies, SignalType signalType, String unit, ParameterClass parameterClass) {
        this.chineseName = chineseName;
        this.applies = applies;
        this.signalType = signalType;
        this.unit = unit;
        this.parameterClass = parameterClass;
    }

    public String chineseName() {
        return chineseName;
    }

    public Applies applies() {
        return applies;
    }

    public SignalType signalType() {
        return signalType;
    }

    /** The unit values of this parameter are measured in, e.g. {@code Pa} for {@link #DRY_DP}. */
    public String unit() {
        return unit;
    }

    public ParameterClass parameterClass() {
        return parameterClass;
    }

    /**
     * The parameter named inside a point code {@code {USCC}-DC{nnn}-{PARAM}[-{n}]}, e.g.
     * {@code 91350304MA2XYZ1234-DC001-DRY_HOPPER_TEMP-1} → {@link #DRY_HOPPER_TEMP}.
     *
     * @return empty when the point code names no catalogue parameter
     */
    public static Optional<ParameterCode> ofPointCode(String pointCode) {
        if (pointCode == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(p -> pointCode.contains("-" + p.name()) && (pointCode.endsWith("-" + p.name())
                        || pointCode.matches(".*-" + p.name() + "-\\d+$")))
                .findFirst();
    }

    /** The collector code a point code starts with ({@code {USCC}-DC{nnn}}), or null when there is none. */
    public static String collectorOf(String pointCode) {
        int dc = pointCode == null ? -1 : pointCode.indexOf("-DC");
        if (dc < 0) {
            return null;
        }
        int end = pointCode.indexOf('-', dc + 1);
        return end < 0 ? pointCode : pointCode.substring(0, end);
    }
}
