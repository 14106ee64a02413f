package io.helpdeskmail.rules;

import io.helpdeskmail.ticket.ReplyAddress;
import io.helpdeskmail.mail.InspectedMail;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules stage: department from the support address the mail reached, VIP tier from the sender, tone tags
 * from the lexicon, then the configured rules, then routing inside the chosen team. Every step that decides
 * something adds a line to the trace (built-in steps in brackets), so an agent can see why a ticket landed where
 * it did. Ticket updates run the same rules for their trigger, starting from the ticket's classification.
 */
public final class Classifier {
  private final RuleBook book;
  private final RuleEngine engine;
  private final Router router;
  private final AttachmentText attachmentText;

  public Classifier(RuleBook book, AgentWorkload workload, AttachmentText attachmentText, Clock clock) {
    this.book = book;
    this.engine = new RuleEngine(book.rules());
    this.router = new Router(workload, clock);
    this.attachmentText = attachmentText;
    this.vocabulary = WordIndex.Vocabulary.of(phrases(book));
    this.toneTags = List.copyOf(book.tone().tags().keySet());
    List<List<ToneEntry>> bySlot = new java.util.ArrayList<>();
    for (int i = 0; i < vocabulary.size(); i++) bySlot.add(new java.util.ArrayList<>());
    List<ToneEntry> prefixed = new java.util.ArrayList<>();
    for (int t = 0; t < toneTags.size(); t++) {
      for (List<WordIndex.Phrase> byLang : book.tone().tags().get(toneTags.get(t)).values()) {
        for (WordIndex.Phrase p : byLang) {
          int slot = p.words().length == 0 || p.prefixAt(0) ? -1 : vocabulary.slot(p.words()[0]);
          if (slot < 0) prefixed.add(new ToneEntry(t, p));
          else bySlot.get(slot).add(new ToneEntry(t, p));
        }
      }
    }
    // Arrays, and null for the many words only rules look for: the walk over a text's words reads them per word.
    this.toneBySlot = new ToneEntry[bySlot.size()][];
    for (int i = 0; i < toneBySlot.length; i++) {
      if (!bySlot.get(i).isEmpty()) toneBySlot[i] = bySlot.get(i).toArray(new ToneEntry[0]);
    }
    this.tonePrefixed = prefixed.toArray(new ToneEntry[0]);
  }

  private final WordIndex.Vocabulary vocabulary;

  /** Every phrase the book can look for: the tone lexicon's and every contains test's. */
  static List<WordIndex.Phrase> phrases(RuleBook book) {
    List<WordIndex.Phrase> out = new java.util.ArrayList<>();
    for (Map<String, List<WordIndex.Phrase>> byLang : book.tone().tags().values()) {
      for (List<WordIndex.Phrase> phrases : byLang.values()) out.addAll(phrases);
    }
    for (Rule r : book.rules()) collect(r.when(), out);
    return out;
  }

  private static void collect(Condition c, List<WordIndex.Phrase> out) {
    switch (c) {
      case Condition.All a -> a.all().forEach(x -> collect(x, out));
      case Condition.Any a -> a.any().forEach(x -> collect(x, out));
      case Condition.Not n -> collect(n.not(), out);
      case Condition.Test t -> {
        if (t.operator() instanceof Operator.Contains k) out.addAll(k.phrases());
      }
      case Condition.Always a -> { }
    }
  }

  /** A new ticket from an inspected mail and the addresses it was delivered to. */
  public Classification classifyNew(InspectedMail mail, List<String> recipients) {
    return classifyNew(RuleInput.of(mail, recipients, attachmentText));
  }

  public RuleBook book() {
    return book;
  }

  /** A new ticket from its first message. */
  public Classification classifyNew(RuleInput in) {
    Classification.Builder c = Classification.NONE.toBuilder();
    c.priority = Priority.NORMAL.label();
    Department d = departmentFor(c, in);
    if (d != null) {
      c.department = d.name();
      c.team = d.team();
    }
    for (VipTier t : book.vipTiers()) {
      if (t.covers(in.from())) {
        c.tier = t.name();
        c.trace("[vip]", "from \"" + in.from() + "\" is in tier " + t.name());
        break;
      }
    }
    RuleFacts facts = new RuleFacts(in, c, vocabulary); // reads c live: later steps see what earlier ones set
    tone(c, facts);
    engine.run(Trigger.CREATED, facts, c);
    route(c, in);
    return c.build();
  }

  /**
   * A ticket update (a customer's reply, an agent's reply, a status change) through the rules for its trigger.
   * The trace of the result holds only this run's steps. Routing runs again only when rules moved the ticket to
   * another team or took its assignee away.
   */
  public Classification update(Trigger trigger, RuleInput in, Classification current) {
    Classification.Builder c = current.toBuilder();
    RuleFacts facts = new RuleFacts(in, c, vocabulary);
    if (trigger == Trigger.CUSTOMER_REPLY) tone(c, facts);
    engine.run(trigger, facts, c);
    boolean moved = !Objects.equals(c.team, current.team()) || current.assignee() != null && c.assignee == null;
    if (moved) route(c, in);
    return c.build();
  }

  private Department departmentFor(Classification.Builder c, RuleInput in) {
    for (String r : in.to()) {
      String base = ReplyAddress.base(r);
      for (Department d : book.departments()) {
        if (d.addresses().contains(base)) {
          c.trace("[department]", "to is \"" + base + "\"");
          return d;
        }
      }
    }
    for (Department d : book.departments()) {
      if (d.fallback()) {
        c.trace("[department]", "no department address among the recipients; fallback " + d.name());
        return d;
      }
    }
    return null;
  }

  /** A lexicon phrase and the tag it stands for (its index in toneTags). */
  private record ToneEntry(int tag, WordIndex.Phrase phrase) {}

  private final List<String> toneTags;
  /** Lexicon phrases by the vocabulary number of their first word; those starting with a prefix word apart. */
  private final ToneEntry[][] toneBySlot;
  private final ToneEntry[] tonePrefixed;

  /**
   * The lexicon has hundreds of phrases and a mail a few dozen words: the words the index found in the vocabulary
   * are walked once and each looks up the phrases that start with it, instead of every phrase being looked for.
   */
  private WordIndex.Phrase[] toneFound(WordIndex w) {
    WordIndex.Phrase[] found = new WordIndex.Phrase[toneTags.size()];
    int[] hits = w.hits();
    for (int k = 0, n = w.hitCount(); k < n; k += 2) {
      ToneEntry[] entries = toneBySlot[hits[k]];
      if (entries == null) continue;
      for (ToneEntry e : entries) {
        if (found[e.tag()] == null && w.matchesAt(e.phrase(), hits[k + 1])) found[e.tag()] = e.phrase();
      }
    }
    for (ToneEntry e : tonePrefixed) if (found[e.tag()] == null && w.contains(e.phrase())) found[e.tag()] = e.phrase();
    return found;
  }

  private void tone(Classification.Builder c, RuleFacts facts) {
    ToneLexicon tone = book.tone();
    Field.Ref subject = new Field.Ref(Field.SUBJECT, null), text = new Field.Ref(Field.TEXT, null);
    WordIndex.Phrase[] inSubject = toneFound(facts.words(subject)), inText = null;
    for (int t = 0; t < toneTags.size(); t++) {
      String tag = toneTags.get(t);
      if (c.tags.contains(tag)) continue;
      WordIndex.Phrase p = inSubject[t];
      Field.Ref f = subject;
      if (p == null) {
        if (inText == null) inText = toneFound(facts.words(text));
        p = inText[t];
        f = text;
      }
      if (p != null) {
        c.tags.add(tag);
        c.trace("[tone]", f + " contains \"" + p.source() + "\"");
      }
    }
    if (tone.shoutingMinLetters() > 0 && !c.tags.contains("angry") && shouting(facts.text(text), tone.shoutingMinLetters())) {
      c.tags.add("angry");
      c.trace("[tone]", "text is written in capitals");
    }
  }

  /** Letters read to decide whether a text is shouted: its opening says so; a long text need not be read whole. */
  static final int SHOUTING_SAMPLE_LETTERS = 1_000;

  /**
   * Mostly capitals (four in five) over enough letters: shouting. More than a fifth of the sample in lower case
   * settles it early: most mail is decided within its first 200 letters, not read to the sample's end.
   */
  static boolean shouting(String s, int minLetters) {
    int letters = 0, upper = 0;
    for (int i = 0; i < s.length() && letters < SHOUTING_SAMPLE_LETTERS; i++) {
      if (letters - upper > SHOUTING_SAMPLE_LETTERS / 5) return false;
      char ch = s.charAt(i);
      if (ch < 0x80) {
        if (ch >= 'a' && ch <= 'z') {
          letters++;
        } else if (ch >= 'A' && ch <= 'Z') {
          letters++;
          upper++;
        }
        continue;
      }
      if (!Character.isLetter(ch)) continue;
      letters++;
      if (Character.isUpperCase(ch)) upper++;
    }
    return letters >= minLetters && upper * 10 >= letters * 8;
  }

  private void route(Classification.Builder c, RuleInput in) {
    if (c.assignee != null || c.team == null) return;
    Team team = book.team(c.team).orElse(null);
    if (team == null) return;
    Router.Decision d = router.route(team, in.language(), c.skills, c.tier != null);
    c.assignee = d.agent();
    c.trace("[routing]", d.reason());
  }
}
