package io.helpdeskmail.mail;

/** Names the language of a text (ISO 639-1), or null when the text is too short or too mixed to trust. */
public interface LanguageDetector {
  String detect(String text);

  LanguageDetector NONE = text -> null;
}
