package dustwatch.alert.channel.email;

import dustwatch.alert.delivery.Channel;
import dustwatch.alert.delivery.ChannelName;
import dustwatch.alert.delivery.Message;
import dustwatch.alert.delivery.NotifyProperties;
import dustwatch.alert.delivery.Receipt;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail (邮件) over SMTP ({@code spring.mail.*}); the server accepting the message is the receipt. */
@Component
class EmailChannel implements Channel {
    private final JavaMailSender mail;
    private final String sender;

    EmailChannel(JavaMailSender mail, NotifyProperties properties) {
        this.mail = mail;
        this.sender = properties.sender();
    }

    @Override
    public ChannelName name() {
        return ChannelName.EMAIL;
    }

    @Override
    public boolean canReach(Message message) {
        return message.contact().email() != null && !message.contact().email().isBlank();
    }

    @Override
    public Receipt send(Message message) {
        SimpleMailMessage mailMessage = new SimpleMailMessage();
        mailMessage.setFrom(sender);
        mailMessage.setTo(message.contact().email());
        mailMessage.setSubject(message.title());
        mailMessage.setText(message.text());
        mail.send(mailMessage);
        return Receipt.SMTP_ACCEPTED;
    }
}
