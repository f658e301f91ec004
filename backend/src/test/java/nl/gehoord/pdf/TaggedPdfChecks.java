package nl.gehoord.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** What the tests of every tagged PDF (the complaint letter, the signal report) check the same way. */
public final class TaggedPdfChecks {
    private TaggedPdfChecks() {
    }

    /** The structure tree's element types in reading order, depth first. */
    public static List<String> structureTypes(PDDocument doc) {
        List<String> types = new ArrayList<>();
        collect(doc.getDocumentCatalog().getStructureTreeRoot(), types);
        return types;
    }

    /** Every font on every page is embedded, so the text reads the same everywhere. */
    public static void assertFontsEmbedded(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    private static void collect(PDStructureNode node, List<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                collect(element, types);
            }
        }
    }
}
