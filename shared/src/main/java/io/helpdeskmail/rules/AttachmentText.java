package io.helpdeskmail.rules;

import io.helpdeskmail.mail.Attachment;
import java.util.List;

/** Port: the text inside attachments (PDF invoices, text files), within size and time limits; "" when none. */
public interface AttachmentText {
  String extract(List<Attachment> attachments);
}
