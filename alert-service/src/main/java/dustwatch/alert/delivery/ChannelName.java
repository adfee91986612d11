package dustwatch.alert.delivery;

/** The channels (推送渠道) a message can go out on. */
public enum ChannelName {
    CONSOLE, SMS, EMAIL, WEBHOOK
}
