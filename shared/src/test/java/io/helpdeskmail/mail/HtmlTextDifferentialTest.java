package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helpdeskmail.adapter.tika.TikaContentSniffer;
import io.helpdeskmail.mail.mime.AngusMailReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds {@link HtmlText}, which reads HTML with {@link HtmlStream}, to the answers of {@link JsoupHtmlText}, the
 * same conversion over jsoup's full tree: on the HTML of every mail fixture, on one snippet per parsing rule the
 * stream models, and on a seeded corpus of generated mail-like documents.
 *
 * <p>Documents the stream hands back to jsoup (foster-parented table content, misnested formatting end tags,
 * frames, templates, select, svg/math, noscript, table captions and column groups, escaped script, NUL
 * characters) are compared too, so they are not excluded from the generator; the tests also check that the
 * stream itself reads the fixtures and nearly all of the corpus, so that the comparison is not a comparison of
 * jsoup with itself.
 */
class HtmlTextDifferentialTest {
  private static final HtmlStream.Sink NOWHERE = new HtmlStream.Sink() {
    @Override
    public void open(HtmlElement e) {}

    @Override
    public void text(String s) {}

    @Override
    public void close(HtmlElement e) {}
  };

  static List<String> fixtureHtml() throws IOException {
    AngusMailReader reader = new AngusMailReader(new TikaContentSniffer());
    List<String> html = new ArrayList<>();
    for (Path eml : MailFixtureCorpusTest.fixtures()) {
      if (reader.read(Files.readAllBytes(eml)) instanceof ReadResult.Read read) {
        if (read.mail().html() != null) html.add(read.mail().html());
      }
    }
    return html;
  }

  @Test
  void convert_shouldEqualJsoupWalk_whenFixtureHtmlIsConverted() throws IOException {
    // GIVEN the HTML bodies of the fixture corpus
    List<String> all = fixtureHtml();
    assertTrue(all.size() >= 5, "only " + all.size() + " HTML bodies in the fixtures");
    List<String> streamed = new ArrayList<>();
    for (String html : all) {
      // WHEN converted by the stream and by the jsoup walk
      // THEN the results are the same, and the stream read the document itself
      assertEquals(JsoupHtmlText.convert(html), HtmlText.convert(html), html);
      String why = HtmlStream.unsupported(html, NOWHERE);
      if (why == null) streamed.add(html);
      else System.out.println("fixture left to jsoup: " + why);
    }
    System.out.println("fixture HTML bodies: " + all.size() + ", read by the stream: " + streamed.size());
    assertEquals(all.size(), streamed.size(), "fixtures the stream handed to jsoup");
  }

  /** One snippet per rule of HtmlStream; each is compared with jsoup's answer. */
  static final String[] SNIPPETS = {
      // tags, attributes
      "<p class=a class=b CLASS=c id=\"x\" ID=y>dup attributes</p><p>next",
      "<div class='gmail_quote'>single</div>", "<div class=gmail_quote>unquoted</div>after",
      "<div id=divRplyFwdMsg data-x>no value</div>", "<DIV CLASS=\"gmail_quote\">upper</DIV>",
      "<div style=\"font-family:&quot;Calibri&quot;;display:none\">hidden &amp; quoted</div>shown",
      "<span style='mso-hide:all'>hidden</span>shown", "<img alt=\"logo &amp; co\" src=x>text",
      "<img alt=&notit=1>a", "<img alt='&notin;'>b", "<a href=x<y>odd attr</a>", "<p a=\"1\"b=2/>attached",
      "<br/>a</br>b</p>c", "<p/>self-closed p<div/>self-closed div", "<o:p/>outlook<p>after</p>",
      "<p class=MsoNormal>Hi<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>",
      "<st1:place w:st=\"on\">Paris</st1:place> and <v:shape>x</v:shape>",
      // comments, doctype, processing instructions, CDATA
      "a<!-- c -->b<!---->c<!--->d<!-->e<!-- -- -->f<!-- --!>g<!-- x --!-- y -->h",
      "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--><p>kept",
      "<!--[if !mso]><!--><div>not mso</div><!--<![endif]-->", "<![if !supportLists]>- <![endif]>item",
      "<!DOCTYPE html><p>a<table><tr><td>b</table>", "<p>a<table><tr><td>b</table>",
      "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\"><p>a<table><tr><td>b</table>",
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
          + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><p>x<table><td>y</table>",
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><html><body>xml prolog</body></html>",
      "<p>a<![CDATA[ b < c ]]>d</p>", "<!bogus>x</ bogus>y<?pi?>z", "a</>b", "x <!-- unterminated",
      // raw text
      "<style>p{x:1}</style>a<script>if(a<b)</script>b<title>t&amp;</title>c",
      "<textarea>\nline &amp; more</TEXTAREA>after", "<xmp><b>not bold</b></xmp>x<iframe>q</iframe>y",
      "<noembed>n</noembed><noframes>f</noframes>z", "<plaintext><b>all & text", "<style>x</STYLE >y",
      "<style>x</style", "<title>a</titlex>b</title>c", "<head><script>var a='</scr'+'ipt>';</script></head>b",
      // character references
      "a &notit; &#x41 &#65x &#0; &#x110000; &#128; &#150; &amp &ampx; &AMP; &#; &#x; &; & b &lt;&gt;",
      "&nbsp;&nbsp;x&NotEqualTilde;&nLt;&copy&reg2&frac12;", "&#x1F600;&#55357;&#xD83D;z",
      // void, stray '<', EOF
      "1 < 2 and 3 <= 4 <3 <", "<p>unclosed <b>bold <i>both", "text <span", "<div class=\"a", "<a href=",
      "<hr>rule<wbr>w<input type=text>i<embed><param><source><track><keygen><area><col><base><link><meta>e",
      // end tags
      "</span>orphan</div>end tags</td></p>para", "<div><span><b>x</div>y", "<span><p>in span</span>after</p>z",
      "<div><p>one<div>two</div>three</p>four</div>", "<ul><li>a<li>b<ol><li>c</ol><li>d</ul>",
      "<dl><dt>t<dd>d<dt>t2</dl>", "<h1>a<h2>b</h1>c", "<h2>x</h3>y", "<li>loose<li>items", "</br>x</p>",
      "<p>a<p>b<blockquote>q<p>c</blockquote>d", "<pre>\n\nfirst\r\nsecond\rthird</pre>", "<listing>\nx</listing>",
      "<button>a<button>b</button>", "<nobr>a<nobr>b</nobr>", "<a href=1>x<a href=2>y</a>",
      "<b>1<p>2</b>3</p>", "<p><font style=\"display:none\">x</p>y", "<b><b><b><b>deep</b></b></b></b>",
      "<p><b>a</p><p>b</p>", "<object>o<b>x</object>y", "<p><b style='display:none'>a</p><foo>hidden</foo>shown",
      // adoption agency with a furthest block: read by the stream when the moved elements do nothing in the walk
      "<u><title>t</title><p style='mso-hide:all'>hidden</u>x<table><td>y</table>z",
      "<strong><sup><ul><li>a</ul><p class=x>b</sup>c</strong>d", "<a href=1><b><i><div>x</a>y</div>z",
      "<b><i><u><s><em><font><span><div>deep</b>after</div>", "<b>1<div>2<b>3<p>4</b>5</div>6</b>7",
      "<font><span style='display:none'><div>hidden</font>shown", "<span class=gmail_quote><b><div>q</b>r",
      "<table><tr><td><b><div>x</b>y</table>", "<b><blockquote>q<i>r</b>s</blockquote>t", "<b><pre>\nx</b>y</pre>", "<ruby>r<rt>t</rt><rp>(</rp></ruby>",
      "<form><p>a<form>b</form>c", "<div><form>in</div>out</form>", "<option>a<option>b<optgroup>c",
      // tables
      "<table><tr><td>a<td>b<tr><td>c</table>", "<table> <tr> <td>a </td> </tr> </table>",
      "<table><tbody><tr><th>h<td>d</tr></tbody><tfoot><tr><td>f</table>",
      "<table><td>implied<table><tr><td>nested</table>after</td></table>z",
      "<table><tr><td>a</table></td>b", "<table>x<tr><td>foster</table>", "<table><div>foster</div></table>",
      "<table><caption>cap</caption><tr><td>x</table>", "<table><col><tr><td>x</table>",
      "<table><tr><td><p>para</td><td>next</table>", "<table><tr><td>a</tr>b</td></table>c",
      "<table><style>s</style><tr><td>x</td></tr><script>y</script></table>", "<table><form><tr><td>x</table>",
      "<table><input type=hidden><tr><td>x</table>", "<table><tr><td>x</table></table>y",
      "<table><thead><tr><td>a</thead><tbody><tr><td>b</tbody></table>", "<td>stray cell</td><tr>stray row",
      // head and body
      "<html><head><title>t</title><style>a{}</style></head><body><p>body</p></body></html>",
      "<head><meta charset=utf-8><style>x</style><body>no head end", "<head>text in head<p>x",
      "<html><head></head><body lang=EN-US style='word-wrap:break-word'><div class=WordSection1>w</div></body></html>",
      "<p>a</p></body> x", "<p>a</p></body></html> x <p>y", "<body class=q><div>x</div><body id=z style=w>",
      "<div>x</div><body class=gmail_quote>late body</body>", "<meta><style>s</style>  x", "  \n <!-- c --> <p>x",
      "<html><frameset><frame></frameset></html>", "<template>t</template>x", "<select><option>o</select>x",
      "<svg><text>s</text></svg>after", "<math><mi>x</mi></math>y", "<noscript>n</noscript>z",
      "<script><!-- <script> </script> --></script>x", "a\0b",
      // mail shapes
      "<div dir=ltr>Thanks!</div><br><div class=gmail_quote><div dir=ltr class=gmail_attr>On Mon wrote:<br></div>"
          + "<blockquote class=gmail_quote style=\"margin:0 0 0 .8ex\">old<br>text</blockquote></div>",
      "<div>Reply</div><div><br><blockquote type=\"cite\"><div>On Jan 5 wrote:</div><div>old</div></blockquote></div>",
      "<div class=WordSection1><p class=MsoNormal>Hi<o:p></o:p></p><div><div style='border:none;border-top:solid "
          + "#E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>From:</b> x</p></div></div></div>",
  };

  @TestFactory
  Stream<DynamicTest> convert_shouldEqualJsoupWalk_whenSnippetIsConverted() {
    return Stream.of(SNIPPETS).map(html -> DynamicTest.dynamicTest(html.length() > 60 ? html.substring(0, 60) : html,
        () -> assertEquals(JsoupHtmlText.convert(html), HtmlText.convert(html), html)));
  }

  @Test
  void unsupported_shouldBeNull_whenMisnestedFormattingMovesOnlyInertElements() {
    // GIVEN misnested formatting end tags whose furthest block leaves inline elements, and a sink for which
    // inline elements are inert (as HtmlText's walker) or not
    HtmlStream.Sink inertInline = new HtmlStream.Sink() {
      @Override
      public void open(HtmlElement e) {}

      @Override
      public void text(String s) {}

      @Override
      public void close(HtmlElement e) {}

      @Override
      public boolean inert(HtmlElement e) {
        return !e.name.equals("div") && !e.name.equals("p");
      }
    };
    for (String html : new String[] {"<b>1<p>2</b>3</p>", "<a><b><i><div>x</a>y", "<font><span><div>x</font>y"}) {
      // WHEN read by the stream
      // THEN it reads them itself when the moved elements are inert, and leaves them to jsoup otherwise
      assertEquals(null, HtmlStream.unsupported(html, inertInline), html);
      assertTrue(HtmlStream.unsupported(html, NOWHERE) != null, html);
    }
  }

  @Test
  void containsFolded_shouldAnswerAsLowerCaseWithoutSpaces_whenStylesAreRandom() {
    // GIVEN random styles built from pieces of the needles, mixed case, spaces and the characters whose lower case
    // is or starts with ASCII (U+0130, U+212A)
    Random rnd = new Random(7);
    String[] parts = {"display", "DISPLAY", "Dis", "play", ":", " : ", "none", "NONE", "no ne", " ", "  ", "mso-hide",
        "MSO-HIDE", ":all", "ALL", "border-top", ":solid", "#E1E1E1", "#b5c4df", "1pt", " 1.0pt", "\u0130", "\u212a",
        "\u00c9", ";", "\t", "d", "i", "s"};
    String[] needles = {"display:none", "mso-hide:all", "border-top:solid#e1e1e1", "border-top:1ptsolid#b5c4df"};
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder();
      int k = 1 + rnd.nextInt(10);
      for (int i = 0; i < k; i++) b.append(parts[rnd.nextInt(parts.length)]);
      String style = b.toString();
      for (String needle : needles) {
        // WHEN looked up without building the folded string
        // THEN the answer is that of the folded string
        assertEquals(style.toLowerCase(java.util.Locale.ROOT).replace(" ", "").contains(needle),
            HtmlText.containsFolded(style, needle), style + " / " + needle);
      }
    }
  }

  @Test
  void charRef_shouldDecodeAsJsoup_whenReferencesAreRandom() {
    // GIVEN random runs of character references, valid and broken
    Random rnd = new Random(11);
    String[] parts = {"&", "#", "x", "X", ";", "amp", "not", "notin", "it", "nbsp", "lt", "gt", "copy", "AMP", "1",
        "0", "65", "128", "159", "9999999999", "D800", "1F600", "a", "Z", "=", "-", "_", " ", "<", "frac12", "NotEqualTilde"};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int k = 1 + rnd.nextInt(8);
      for (int i = 0; i < k; i++) s.append(parts[rnd.nextInt(parts.length)]);
      String in = s.toString();
      for (boolean attr : new boolean[] {false, true}) {
        // WHEN decoded by the stream's reference reader
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < in.length()) {
          if (in.charAt(i) == '&') i = HtmlStream.charRef(in, i, in.length(), attr, out);
          else out.append(in.charAt(i++));
        }
        // THEN it gives jsoup's decoding
        assertEquals(Parser.unescapeEntities(in, attr), out.toString(), in + " attr=" + attr);
      }
    }
  }

  @Test
  void convert_shouldLeaveDeepNestingToJsoup_whenAPageNestsDeeperThanTheStreamSearches() {
    for (String open : new String[] {"<div>", "<blockquote>", "<i><b>", "<font>", "<ul><li>", "<table><tr><td>"}) {
      // GIVEN a page nesting one construct thousands of times, text at every level (a slow-parse attack)
      String html = (open + "x ").repeat(3000);

      // WHEN converted THEN the stream gives it up at its depth limit, and the text is jsoup's
      String why = HtmlStream.unsupported(html, NOWHERE);
      assertTrue(why != null && why.contains(String.valueOf(HtmlStream.MAX_OPEN)), open + ": " + why);
      assertEquals(JsoupHtmlText.convert(html), HtmlText.convert(html), open);
    }
  }

  @Test
  void convert_shouldEqualJsoupWalk_whenGeneratedMailHtmlIsConverted() {
    // GIVEN a seeded corpus of generated mail-like documents
    Random rnd = new Random(20260105);
    int total = 5000;
    int streamed = 0;
    java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
    for (int n = 0; n < total; n++) {
      String html = new MailHtmlGenerator(rnd).document();
      // WHEN converted both ways
      // THEN the answers are the same
      assertEquals(JsoupHtmlText.convert(html), HtmlText.convert(html), "document " + n + ":\n" + html);
      String why = HtmlStream.unsupported(html, NOWHERE);
      if (why == null) streamed++;
      else reasons.merge(why.replaceAll("<[^>]*>", "<..>"), 1, Integer::sum);
    }
    System.out.println("generated documents: " + total + ", read by the stream: " + streamed + ", left to jsoup: "
        + reasons);
    // the generator writes sloppier HTML than mail clients do (unclosed p inside bold, stray text in tables), so
    // a share of it rightly goes to jsoup; the fixtures, written by real clients, must all stay on the stream
    assertTrue(streamed >= total * 0.75, "the stream read only " + streamed + " of " + total);
  }
}
