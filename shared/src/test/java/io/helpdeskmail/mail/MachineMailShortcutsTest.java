package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written steps of machine-mail detection answer as the regex calls they replaced. */
class MachineMailShortcutsTest {
  @Test
  void splitLines_shouldCutAsTheLineEndPatternSplits_forRandomText() {
    Random r = new Random(3464);
    String[] pieces = {"a", "Status: 5.1.1", "\r", "\n", "\r\n", " ", "\t", "\n\n", "\r\r\n", ""};
    for (int round = 0; round < 50_000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(8);
      for (int k = 0; k < n; k++) sb.append(pieces[r.nextInt(pieces.length)]);
      String s = sb.toString();
      assertArrayEquals(BounceReader.LINE_END.split(s), BounceReader.splitLines(s), s.replace("\r", "\\r")
          .replace("\n", "\\n"));
    }
  }

  @Test
  void mayOpenCjk_shouldNeverTurnAwayASubjectThePatternAccepts() throws ReflectiveOperationException {
    var field = OutOfOfficeSubjects.class.getDeclaredField("CJK");
    field.setAccessible(true);
    Pattern cjk = (Pattern) field.get(null);
    Random r = new Random(5);
    String[] pieces = {"自動応答", "自動返信", "不在通知", "自动回复", "不在办公室", "자동 회신", "자동응답", "【", "〔", "「", "<",
        "[", "(", " ", "\t", "Re: ", "自", "不", "자", "x", "】", "\u3000", "\u00A0"};
    int accepted = 0;
    for (int round = 0; round < 50_000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(5);
      for (int k = 0; k < n; k++) sb.append(pieces[r.nextInt(pieces.length)]);
      String s = sb.toString();
      boolean matches = cjk.matcher(s).find();
      if (matches) {
        accepted++;
        assertTrue(OutOfOfficeSubjects.mayOpenCjk(s), s);
      }
    }
    assertTrue(accepted > 1000, "the generator must reach the pattern: " + accepted);
  }

  @Test
  void isFoldedBounceSubject_shouldAnswerAsFindDid_forSubjectsWithAndWithoutATag() throws ReflectiveOperationException {
    var field = BounceReader.class.getDeclaredField("BOUNCE_SUBJECT");
    field.setAccessible(true);
    Pattern subject = (Pattern) field.get(null);
    String[] pieces = {"undeliverable", "[bounce]", "[ext] ", "  ", "re: ", "fwd: ", "returned mail", "delivery failure",
        "mail delivery failed", "x", "[", "]", "nicht zustellbar", "配信エラー", "전송 실패", "\n"};
    Random r = new Random(8);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(5);
      for (int k = 0; k < n; k++) sb.append(pieces[r.nextInt(pieces.length)]);
      String s = sb.toString();
      assertEquals(subject.matcher(s).find(), BounceReader.isFoldedBounceSubject(s), s);
    }
  }
}
