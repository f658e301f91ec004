package nl.gehoord.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import nl.gehoord.http.ApiException;

/**
 * The pages' scripts and stylesheet, served from the jar under names that carry a hash of their content: a
 * browser may keep them for a year, and a new build gets new names. htmx and its SSE extension come from their
 * WebJars; nothing is fetched from elsewhere.
 */
public final class Assets {
    public static final String PATH = "/web/assets/{file}";

    private record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, Asset> byFile = new HashMap<>();

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
        Asset asset = byFile.get(ctx.pathParam("file"));
        if (asset == null) {
            throw ApiException.notFound();
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private void add(String name, String resource, String contentType) {
        byte[] bytes = read(resource);
        int dot = name.lastIndexOf('.');
        String file = name.substring(0, dot) + "." + hash(bytes) + name.substring(dot);
        urls.put(name, "/web/assets/" + file);
        byFile.put(file, new Asset(bytes, contentType));
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

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing asset " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
