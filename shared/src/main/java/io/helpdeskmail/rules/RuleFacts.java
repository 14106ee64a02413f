package io.helpdeskmail.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Facts over one {@link RuleInput} and the live classification. Texts are folded, case-folded and indexed once, on
 * first use, each only when something asks for it: several rules and the tone lexicon read the same subject and
 * text, and a pattern's prefilter needs the fold without the word index.
 */
final class RuleFacts implements Facts {
  private final RuleInput in;
  private final Classification.Builder live;
  private final Map<Field, WordIndex> words = new EnumMap<>(Field.class);
  private final Map<Field, String> folded = new EnumMap<>(Field.class);
  private final Map<Field, String> caseFolded = new EnumMap<>(Field.class);
  private final WordIndex.Vocabulary vocabulary;
  private String attachmentText;

  RuleFacts(RuleInput in, Classification.Builder live) {
    this(in, live, null);
  }

  /** vocabulary: the first words of every phrase the configuration can look for (see WordIndex); null indexes all. */
  RuleFacts(RuleInput in, Classification.Builder live, WordIndex.Vocabulary vocabulary) {
    this.in = in;
    this.live = live;
    this.vocabulary = vocabulary;
  }

  @Override
  public WordIndex words(Field.Ref f) {
    WordIndex w = words.get(f.field());
    if (w == null) {
      String s = folded.get(f.field());
      // Tone indexes the subject and text before any pattern wants their fold: the index folds them as it cuts.
      if (s != null) {
        w = WordIndex.ofFolded(s, vocabulary);
      } else {
        w = WordIndex.of(text(f), vocabulary);
        folded.put(f.field(), w.folded());
      }
      words.put(f.field(), w);
    }
    return w;
  }

  @Override
  public String folded(Field.Ref f) {
    String s = folded.get(f.field());
    if (s == null) folded.put(f.field(), s = TextFolding.fold(text(f)));
    return s;
  }

  @Override
  public String caseFolded(Field.Ref f) {
    String s = caseFolded.get(f.field());
    if (s == null) caseFolded.put(f.field(), s = io.helpdeskmail.mail.CaseFold.of(text(f)));
    return s;
  }

  @Override
  public String text(Field.Ref f) {
    return switch (f.field()) {
      case SUBJECT -> in.subject();
      case TEXT -> in.text();
      case FULL_TEXT -> in.fullText();
      case ATTACHMENT_TEXT -> {
        if (attachmentText == null) attachmentText = in.attachmentText().get();
        yield attachmentText;
      }
      default -> String.join("\n", values(f));
    };
  }

  @Override
  public List<String> values(Field.Ref f) {
    return switch (f.field()) {
      case FROM -> one(in.from());
      case FROM_DOMAIN -> in.from() == null || in.from().indexOf('@') < 0 ? List.of()
          : List.of(in.from().substring(in.from().lastIndexOf('@') + 1));
      case TO -> in.to();
      case LANGUAGE -> one(in.language());
      case TIER -> one(live.tier);
      case ATTACHMENT_TYPE -> {
        List<String> out = new ArrayList<>();
        for (RuleInput.AttachmentInfo a : in.attachments()) if (a.contentType() != null) out.add(a.contentType());
        yield out;
      }
      case ATTACHMENT_NAME -> {
        List<String> out = new ArrayList<>();
        for (RuleInput.AttachmentInfo a : in.attachments()) if (a.filename() != null) out.add(a.filename());
        yield out;
      }
      case DEPARTMENT -> one(live.department);
      case CATEGORY -> one(live.category);
      case PRIORITY -> one(live.priority);
      case STATUS -> one(in.status());
      case PREVIOUS_STATUS -> one(in.previousStatus());
      case TEAM -> one(live.team);
      case ASSIGNEE -> one(live.assignee);
      case TAGS -> List.copyOf(live.tags);
      case CUSTOM -> one(live.customFields.get(f.name()));
      case SUBJECT, TEXT, FULL_TEXT, ATTACHMENT_TEXT -> one(text(f));
      case MESSAGE_COUNT, ATTACHMENT_COUNT -> {
        Double d = number(f);
        yield d == null ? List.of() : List.of(Long.toString(d.longValue()));
      }
    };
  }

  @Override
  public Double number(Field.Ref f) {
    return switch (f.field()) {
      case MESSAGE_COUNT -> (double) in.messageCount();
      case ATTACHMENT_COUNT -> (double) in.attachments().size();
      default -> {
        List<String> v = values(f);
        try {
          yield v.isEmpty() ? null : Double.valueOf(v.get(0).strip());
        } catch (NumberFormatException e) {
          yield null;
        }
      }
    };
  }

  private static List<String> one(String v) {
    return v == null || v.isEmpty() ? List.of() : List.of(v);
  }
}
