package nl.gehoord.complaint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The approved letter as a tagged PDF (PDF/UA-1 structure): every piece of text sits in marked content that a
 * structure element (Document, H1, H2, P) points to, the document language is Dutch, the title shows in the
 * window, and the fonts are embedded (DejaVu Sans, subset), so a screen reader reads it in order.
 */
public final class LetterPdf {
    private static final float MARGIN = 64;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final String LANGUAGE = "nl-NL";

    /** The organisation's letterhead: its name and the lines under it (address, phone, web). */
    public record Letterhead(String name, List<String> lines) {
    }

    private LetterPdf() {
    }

    /** The letter as PDF bytes; {@code approvedAt} and {@code sentAt} are printed and set as the file's dates. */
    public static byte[] render(Letterhead head, ComplaintLetter.Letter letter, long approvedAt, long sentAt) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc);
            w.block(StandardStructureTypes.P, w.bold, 15, head.name());
            for (String line : head.lines()) {
                w.block(StandardStructureTypes.P, w.regular, 9.5f, line);
            }
            w.space(18);
            w.block(StandardStructureTypes.P, w.regular, 10.5f, ComplaintLetter.say("letter.date",
                    ComplaintLetter.date(sentAt)));
            w.block(StandardStructureTypes.P, w.regular, 10.5f, letter.addressee());
            w.space(10);
            w.block(StandardStructureTypes.H1, w.bold, 13, letter.subject());
            w.block(StandardStructureTypes.P, w.regular, 10.5f, ComplaintLetter.say("letter.salutation"));
            for (ComplaintLetter.Paragraph p : letter.paragraphs()) {
                w.space(6);
                w.block(StandardStructureTypes.H2, w.bold, 11, p.heading());
                w.block(StandardStructureTypes.P, w.regular, 10.5f, p.text());
                if (p.ownWords() != null) {
                    w.block(StandardStructureTypes.BLOCK_QUOTE, w.regular, 10.5f, "\u201c" + p.ownWords() + "\u201d");
                }
            }
            w.space(10);
            w.block(StandardStructureTypes.P, w.regular, 10.5f, ComplaintLetter.say("letter.closing"));
            w.block(StandardStructureTypes.P, w.regular, 10.5f, ComplaintLetter.say("letter.signature",
                    letter.trustPersonName()));
            w.space(10);
            w.block(StandardStructureTypes.P, w.regular, 8.5f, ComplaintLetter.say("letter.approved",
                    ComplaintLetter.date(approvedAt)));
            w.finish(letter.subject(), sentAt);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter could not be rendered", e);
        }
    }

    /** Lays out blocks top to bottom over as many pages as needed, tagging each as it goes. */
    private static final class Writer {
        final PDDocument doc;
        final PDType0Font regular;
        final PDType0Font bold;
        final PDStructureTreeRoot root = new PDStructureTreeRoot();
        final PDStructureElement document;
        final Map<Integer, COSArray> parents = new HashMap<>();
        PDPage page;
        PDPageContentStream content;
        int pageIndex = -1;
        int mcid;
        float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            this.regular = font(doc, "DejaVuSans.ttf");
            this.bold = font(doc, "DejaVuSans-Bold.ttf");
            document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
            document.setLanguage(LANGUAGE);
            root.appendKid(document);
            newPage();
        }

        private static PDType0Font font(PDDocument doc, String file) throws IOException {
            try (InputStream in = LetterPdf.class.getResourceAsStream("/complaint/fonts/" + file)) {
                if (in == null) {
                    throw new IOException("font missing: " + file);
                }
                return PDType0Font.load(doc, in, true);
            }
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pageIndex++;
            page.setStructParents(pageIndex);
            parents.put(pageIndex, new COSArray());
            mcid = 0;
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void space(float points) {
            y -= points;
        }

        /** One tagged block: a structure element whose marked content may run over onto the next page. */
        void block(String type, PDType0Font font, float size, String text) throws IOException {
            PDStructureElement element = new PDStructureElement(type, document);
            document.appendKid(element);
            float leading = size * 1.4f;
            List<String> lines = wrap(font, size, text);
            int i = 0;
            while (i < lines.size()) {
                if (y - leading < MARGIN) {
                    newPage();
                }
                element.setPage(element.getPage() == null ? page : element.getPage());
                COSDictionary properties = new COSDictionary();
                properties.setInt(COSName.MCID, mcid);
                content.beginMarkedContent(COSName.getPDFName(type), PDPropertyList.create(properties));
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y - size);
                while (i < lines.size() && y - leading >= MARGIN) {
                    content.showText(lines.get(i));
                    content.newLineAtOffset(0, -leading);
                    y -= leading;
                    i++;
                }
                content.endText();
                content.endMarkedContent();
                PDMarkedContentReference reference = new PDMarkedContentReference();
                reference.setPage(page);
                reference.setMCID(mcid);
                element.appendKid(reference);
                parents.get(pageIndex).add(element);
                mcid++;
            }
            y -= size * 0.4f;
        }

        /** Words to lines that fit the text width; a line break in the text starts a new line. */
        static List<String> wrap(PDType0Font font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.replace("\r", "").split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.replace('\t', ' ').split(" +")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                        lines.add(line.toString());
                        line = new StringBuilder(word);
                    } else {
                        line = new StringBuilder(candidate);
                    }
                }
                lines.add(line.toString());
            }
            return lines;
        }

        void finish(String title, long at) throws IOException {
            content.close();
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
            Map<Integer, COSObjectable> numbers = new HashMap<>();
            parents.forEach((index, array) -> numbers.put(index, new PDParentTreeValue(array)));
            parentTree.setNumbers(numbers);
            root.setParentTree(parentTree);
            root.setParentTreeNextKey(parents.size());
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            catalog.setStructureTreeRoot(root);
            PDMarkInfo mark = new PDMarkInfo();
            mark.setMarked(true);
            catalog.setMarkInfo(mark);
            catalog.setLanguage(LANGUAGE);
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            catalog.setViewerPreferences(preferences);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setProducer("Gehoord");
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at);
            info.setCreationDate(when);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp(title).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
        }

        private static String xmp(String title) {
            String escaped = title.replace("&", "&amp;").replace("<", "&lt;");
            return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                    + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                    + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                    + " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"><pdfuaid:part>1</pdfuaid:part>"
                    + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped + "</rdf:li></rdf:Alt></dc:title>"
                    + "<dc:language><rdf:Bag><rdf:li>" + LANGUAGE + "</rdf:li></rdf:Bag></dc:language>"
                    + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        }
    }
}
