package eu.complaintdesk.notification;

import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.PreferredContact;
import java.util.List;
import java.util.Optional;

/**
 * Where a customer notification goes: the preferred contact if the customer gave it, otherwise the
 * first other contact they gave — electronic before paper.
 */
record CustomerContact(MessageChannel channel, String recipient) {

  static Optional<CustomerContact> of(Complaint complaint) {
    List<MessageChannel> order =
        switch (complaint.preferredContact() == null
            ? PreferredContact.EMAIL
            : complaint.preferredContact()) {
          case EMAIL -> List.of(MessageChannel.EMAIL, MessageChannel.SMS, MessageChannel.POST);
          case SMS -> List.of(MessageChannel.SMS, MessageChannel.EMAIL, MessageChannel.POST);
          case POST -> List.of(MessageChannel.POST, MessageChannel.EMAIL, MessageChannel.SMS);
        };
    for (MessageChannel channel : order) {
      String recipient =
          switch (channel) {
            case EMAIL -> complaint.customerEmail();
            case SMS -> complaint.customerPhone();
            case POST -> complaint.customerAddress();
            default -> null;
          };
      if (recipient != null && !recipient.isBlank()) {
        return Optional.of(new CustomerContact(channel, recipient.strip()));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "CustomerContact[channel=" + channel + "]";
  }
}
