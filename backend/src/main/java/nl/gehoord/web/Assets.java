package nl.gehoord.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.JarFile;

/**
 * The pages' scripts and stylesheet, served from the jar under names that carry a hash of their content: a
 * browser may keep them for a year, and a new build gets new names. htmx and its SSE extension come from their
 * WebJars; nothing is fetched from elsewhere.
 */
public final class Assets {
    public static final String PATH = "/web/assets/{file}";

    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, JarFile> byFile = new HashMap<>();

    public Assets() {
        add("gehoord.css", "web/gehoord.css", "text/css; charset=utf-8");
        add("htmx.js", "META-INF/resources/webjars/htmx.org/" + webJarVersion("htmx.org") + "/dist/htmx.min.js",
                "text/javascript; charset=utf-8");
        add("sse.js", "META-INF/resources/webjars/htmx-ext-sse/" + webJarVersion("htmx-ext-sse") + "/sse.js",
                "text/javascript; charset=utf-8");
    }

    /** The long-cache URL of a logical asset name, such as "htmx.js". */
    public String url(String name) {
        String url = urls.get(name);
        if (url == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return url;
    }

    public void serve(Context ctx) {
        JarFile asset = byFile.get(ctx.pathParam("file"));
        if (asset == null) {
            throw ApiException.notFound();
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private void add(String name, String resource, String contentType) {
        JarFile asset = JarFile.read(resource, contentType);
        int dot = name.lastIndexOf('.');
        String file = name.substring(0, dot) + "." + asset.contentHash().substring(0, 12) + name.substring(dot);
        urls.put(name, "/web/assets/" + file);
        byFile.put(file, asset);
    }

    private static String webJarVersion(String artifact) {
        Properties p = new Properties();
        String resource = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing WebJar " + artifact);
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p.getProperty("version");
    }
}
