package nl.gehoord.pdf;

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
 * A Dutch document for an outside reader (a complaints committee, a provider's management, the inspectorate) as a
 * tagged PDF (PDF/UA-1 structure): every piece of text sits in marked content that a structure element (Document,
 * H1, H2, P, BlockQuote) points to, the document language is Dutch, the title shows in the window, and the fonts are
 * embedded (DejaVu Sans, subset), so a screen reader reads it in order. Blocks are laid out top to bottom over as
 * many A4 pages as they need.
 */
public final class TaggedPdf implements AutoCloseable {
    private static final float MARGIN = 64;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final String LANGUAGE = "nl-NL";
    private static final float TEXT = 10.5f;

    /** The organisation's letterhead: its name and the lines under it (address, phone, web). */
    public record Letterhead(String name, List<String> lines) {
    }

    private final PDDocument doc = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement document;
    private final Map<Integer, COSArray> parents = new HashMap<>();
    private PDPage page;
    private PDPageContentStream content;
    private int pageIndex = -1;
    private int mcid;
    private float y;

    private TaggedPdf() throws IOException {
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        document.setLanguage(LANGUAGE);
        root.appendKid(document);
        newPage();
    }

    /** A new document with nothing on its first page yet. */
    public static TaggedPdf start() {
        try {
            return new TaggedPdf();
        } catch (IOException e) {
            throw new UncheckedIOException("a PDF could not be started", e);
        }
    }

    /** The organisation's name and lines at the top, with room under them. */
    public TaggedPdf letterhead(Letterhead head) {
        block(StandardStructureTypes.P, bold, 15, head.name());
        for (String line : head.lines()) {
            block(StandardStructureTypes.P, regular, 9.5f, line);
        }
        return space(18);
    }

    public TaggedPdf title(String text) {
        return block(StandardStructureTypes.H1, bold, 13, text);
    }

    public TaggedPdf heading(String text) {
        return block(StandardStructureTypes.H2, bold, 11, text);
    }

    public TaggedPdf paragraph(String text) {
        return block(StandardStructureTypes.P, regular, TEXT, text);
    }

    /** Someone's own words, quoted. */
    public TaggedPdf quote(String text) {
        return block(StandardStructureTypes.BLOCK_QUOTE, regular, TEXT, "\u201c" + text + "\u201d");
    }

    /** A note in small print (such as when a letter was approved). */
    public TaggedPdf note(String text) {
        return block(StandardStructureTypes.P, regular, 8.5f, text);
    }

    public TaggedPdf space(float points) {
        y -= points;
        return this;
    }

    /** The document as PDF bytes, with its title and date ({@code at}, epoch milliseconds) set. */
    public byte[] finish(String title, long at) {
        try {
            tagAndName(title, at);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a PDF could not be written", e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException("a PDF could not be closed", e);
        }
    }

    private PDType0Font font(String file) throws IOException {
        try (InputStream in = TaggedPdf.class.getResourceAsStream("/pdf/fonts/" + file)) {
            if (in == null) {
                throw new IOException("font missing: " + file);
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    private void newPage() throws IOException {
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

    /** One tagged block: a structure element whose marked content may run over onto the next page. */
    private TaggedPdf block(String type, PDType0Font font, float size, String text) {
        try {
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
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("a PDF block could not be written", e);
        }
    }

    /** Words to lines that fit the text width; a line break in the text starts a new line. */
    private static List<String> wrap(PDType0Font font, float size, String text) throws IOException {
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

    /** The structure tree, language, title and PDF/UA identification, once every block is on its page. */
    private void tagAndName(String title, long at) throws IOException {
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
