package nl.gehoord;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.gehoord.admin.AdminController;
import nl.gehoord.admin.AdminService;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.complaint.ComplaintController;
import nl.gehoord.complaint.ComplaintEraser;
import nl.gehoord.complaint.ComplaintExporter;
import nl.gehoord.complaint.ComplaintService;
import nl.gehoord.complaint.ComplaintTexts;
import nl.gehoord.config.Settings;
import nl.gehoord.signals.SignalController;
import nl.gehoord.signals.SignalEraser;
import nl.gehoord.signals.SignalService;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.ReceiptCodes;
import nl.gehoord.crypto.Reencryptor;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.db.Dialect;
import nl.gehoord.demo.DemoCases;
import nl.gehoord.demo.DemoData;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.http.AccessGuard;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.ClientAddress;
import nl.gehoord.http.IpRanges;
import nl.gehoord.http.JettyProblems;
import nl.gehoord.http.Json;
import nl.gehoord.http.OriginCheck;
import nl.gehoord.http.ProblemMapper;
import nl.gehoord.http.ProblemRenderer;
import nl.gehoord.http.RateLimitPolicy;
import nl.gehoord.http.RateLimits;
import nl.gehoord.http.RequestAsSent;
import nl.gehoord.http.RequestContext;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;
import nl.gehoord.http.SecurityHeaders;
import nl.gehoord.inbox.CannedReplyController;
import nl.gehoord.inbox.CannedReplyService;
import nl.gehoord.inbox.InboxController;
import nl.gehoord.inbox.InboxEventListener;
import nl.gehoord.inbox.InboxLookup;
import nl.gehoord.inbox.InboxService;
import nl.gehoord.inbox.RuleRouter;
import nl.gehoord.inbox.StaffProfileController;
import nl.gehoord.inbox.StaffProfileService;
import nl.gehoord.inbox.StatusPreview;
import nl.gehoord.intake.AnswerValidator;
import nl.gehoord.intake.CaseController;
import nl.gehoord.intake.CaseDevicesService;
import nl.gehoord.intake.CaseService;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.intake.ContentCatalog;
import nl.gehoord.intake.DeviceController;
import nl.gehoord.intake.DeviceService;
import nl.gehoord.intake.FlowCatalog;
import nl.gehoord.intake.InfoController;
import nl.gehoord.ops.MetricsController;
import nl.gehoord.ops.OpsController;
import nl.gehoord.organisations.PlacesService;
import nl.gehoord.push.Backoff;
import nl.gehoord.push.FcmSender;
import nl.gehoord.push.LogSender;
import nl.gehoord.push.OutboxListener;
import nl.gehoord.push.PushComposer;
import nl.gehoord.push.PushDispatcher;
import nl.gehoord.push.PushMetrics;
import nl.gehoord.push.PushPolicy;
import nl.gehoord.push.PushSender;
import nl.gehoord.push.PushTexts;
import nl.gehoord.push.PushWorker;
import nl.gehoord.retention.RetentionJob;
import nl.gehoord.retention.RetentionScheduler;
import nl.gehoord.sla.DueDates;
import nl.gehoord.sla.SlaScheduler;
import nl.gehoord.staff.LoginThrottle;
import nl.gehoord.staff.SecondFactors;
import nl.gehoord.staff.StaffAccounts;
import nl.gehoord.staff.StaffController;
import nl.gehoord.staff.StaffSessionService;
import nl.gehoord.text.Messages;
import nl.gehoord.trends.TrendLabels;
import nl.gehoord.trends.TrendPublisher;
import nl.gehoord.trends.TrendRollup;
import nl.gehoord.trends.TrendsChart;
import nl.gehoord.trends.TrendsController;
import nl.gehoord.trends.TrendsService;
import nl.gehoord.trends.TrendsWarmer;
import nl.gehoord.web.AdminPages;
import nl.gehoord.web.Assets;
import nl.gehoord.web.CasePages;
import nl.gehoord.web.ComplaintPages;
import nl.gehoord.web.CouncilPages;
import nl.gehoord.web.InboxPages;
import nl.gehoord.web.LiveUpdates;
import nl.gehoord.web.LoginPages;
import nl.gehoord.web.Pages;
import nl.gehoord.web.QueuePages;
import nl.gehoord.web.SignalPages;
import nl.gehoord.web.WebGuard;
import nl.gehoord.web.WebSessions;
import nl.gehoord.web.Words;
import nl.gehoord.youth.YouthAppController;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.LoggerFactory;

/**
 * Wires the whole application by hand: one place to see what depends on what. The shared parts come first,
 * then one method per feature; every part with a life of its own is handed to the {@link Lifecycle}, which
 * starts them in order (the HTTP server last) and closes them in reverse.
 */
public final class App implements AutoCloseable {
    /** How long a stopping instance waits for the requests it is answering. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    /**
     * How to start. {@code demo} seeds the demo organisation first (safe to repeat); {@code pushSender} replaces
     * the transport the settings choose (tests aim the real FCM sender at a fake FCM server); {@code stopSilence}
     * is how long a connection may stay silent once the server stops before it is closed ({@link #STOP_SILENCE}:
     * a request halfway sent gets that long for its next bytes; tests that stop many servers shorten it, as an
     * idle keep-alive connection of a client holds every stop that long).
     */
    public record Options(Demo demo, PushSender pushSender, Duration stopSilence) {
        public static Options plain() {
            return new Options(null, null, STOP_SILENCE);
        }

        public Options withDemo(Demo demo) {
            return new Options(demo, pushSender, stopSilence);
        }

        public Options withPushSender(PushSender sender) {
            return new Options(demo, sender, stopSilence);
        }

        public Options withStopSilence(Duration silence) {
            return new Options(demo, pushSender, silence);
        }
    }

    /** Jetty's own: how long a connection may stay silent once the server stops (see {@link Options}). */
    public static final Duration STOP_SILENCE = Duration.ofSeconds(1);

    /**
     * The demo data: staff logins with {@code password}, and with {@code generatedCases} some thousands of
     * generated cases so councils see real numbers. {@code resetPassword} sets the password also on a data
     * folder seeded before.
     */
    public record Demo(String password, boolean generatedCases, boolean resetPassword) {
    }

    /** What demo seeding did: the password to print (empty when it stayed as first seeded) and cases made. */
    public record DemoOutcome(Optional<String> password, int generatedCases) {
    }

    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final Lifecycle lifecycle = new Lifecycle();

    // Shared by several features
    private Database db;
    private FieldCipher cipher;
    private SecretHasher hasher;
    private Tokens tokens;
    private Messages messages;
    private ProblemRenderer renderer;
    private AuditLog audit;
    private CaseEvents caseEvents;
    private RateLimits rateLimits;
    private RateLimitPolicy limits;
    private LoginThrottle loginThrottle;
    private DueDates dueDates;
    private DemoOutcome demoOutcome;
    private CompletableFuture<Void> migrations;

    // Parts tests reach
    private Javalin server;
    private List<Route> routes;
    private RetentionJob retention;
    private SlaScheduler slaScheduler;
    private TrendsWarmer trendsWarmer;
    private TrendPublisher trendPublisher;
    private TrendsService trendsService;
    private TrendRollup trendRollup;
    private List<Route> pageRoutes;
    private LiveUpdates live;
    private ComplaintService complaintService;
    private SignalService signalService;

    private App(Settings settings, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Opens the database, runs migrations and starts every part, the HTTP server last. */
    public static App start(Settings settings, Clock clock, SecureRandom random) {
        return start(settings, clock, random, Options.plain());
    }

    public static App start(Settings settings, Clock clock, SecureRandom random, Options options) {
        App app = new App(settings, clock, random);
        try {
            app.wire(options);
            app.lifecycle.start();
            return app;
        } catch (RuntimeException e) {
            app.awaitMigrationsQuietly();
            app.lifecycle.close();
            throw e;
        }
    }

    private void wire(Options options) {
        openDatabase();
        shared();
        TrendsService trendsService = trends();
        MetricsController metrics = push(options.pushSender());
        InboxService inbox = inbox();
        CannedReplyService cannedReplies = new CannedReplyService(db, cipher, tokens, audit, clock);
        DeviceService devices = new DeviceService(db, cipher, tokens, clock);
        SecondFactors secondFactors = new SecondFactors(cipher, hasher, random, clock);
        loginThrottle = new LoginThrottle(clock);
        StaffSessionService staffSessions = new StaffSessionService(db, tokens, clock, secondFactors, loginThrottle,
                audit);
        StaffAccounts staffAccounts = new StaffAccounts(db, tokens, clock, audit, secondFactors, staffSessions);
        AdminService admin = new AdminService(db, tokens, audit, dueDates, staffAccounts, clock);
        StaffProfileService profiles = new StaffProfileService(db, cipher, audit, inbox);
        TrendLabels trendLabels = new TrendLabels();
        TrendsChart trendsChart = new TrendsChart(trendLabels);
        retentionJob();
        Routes.Controllers controllers = new Routes.Controllers(
                new OpsController(db),
                new InfoController(new FlowCatalog(), new ContentCatalog(), new PlacesService(db)),
                new DeviceController(devices),
                intake(),
                new StaffController(staffSessions, staffAccounts, limits),
                metrics,
                new InboxController(inbox),
                new StaffProfileController(profiles),
                new CannedReplyController(cannedReplies),
                new AdminController(admin),
                new TrendsController(trendsService, trendsChart, trendLabels),
                new YouthAppController(),
                complaints(inbox),
                signals());
        routes = Routes.all(controllers);
        WebGuard webGuard = pages(staffSessions, inbox, cannedReplies, profiles, admin, trendsService, trendsChart,
                trendLabels);
        http(new AccessGuard(List.of(devices, staffSessions)), webGuard, options.stopSilence());
        // Started after the server and stopped before it: closing the open streams first lets the server's
        // graceful stop finish without waiting on them.
        lifecycle.manage("live updates", live::start, live::close);
        awaitMigrations();
        trendRollup.assignMissingKeys(db);
        demoOutcome = options.demo() == null ? new DemoOutcome(Optional.empty(), 0) : seedDemo(options.demo());
        keyedUpgrades(db, cipher, audit, cannedReplies, clock);
    }

    /**
     * The migrations run beside the wiring, which reads and writes no table: on two cores a first start takes
     * about as long as the longer of the two instead of both. Everything that touches the data waits for them.
     */
    private void openDatabase() {
        db = lifecycle.closes("database", Database.open(settings.databaseUrl()));
        migrations = new CompletableFuture<>();
        Thread migrator = new Thread(() -> {
            try {
                db.migrate();
                migrations.complete(null);
            } catch (Throwable e) {
                migrations.completeExceptionally(e);
            }
        }, "gehoord-migrations");
        migrator.setDaemon(true);
        migrator.start();
    }

    private void awaitMigrations() {
        try {
            migrations.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Before closing the database after a failed start: the migrations must not be left running on it. */
    private void awaitMigrationsQuietly() {
        if (migrations != null) {
            try {
                migrations.join();
            } catch (RuntimeException ignored) {
                // the start already failed; its own error is the one reported
            }
        }
    }

    private void shared() {
        KeyRing keys = KeyRing.loadOrCreate(settings.keyFile(), random);
        if (db.dialect() == Dialect.SQLITE && settings.keyFile().getParent().equals(settings.dataDir())) {
            // The default, so the demo runs with one command; in production a copy of the data folder must not
            // carry the key that opens it.
            LoggerFactory.getLogger(App.class).warn("the key file {} is in the data folder with the database; "
                    + "set GEHOORD_KEY_FILE to a path outside it and back it up apart (docs/security.md)",
                    settings.keyFile());
        }
        cipher = new FieldCipher(keys, random);
        hasher = new SecretHasher(keys);
        tokens = new Tokens(random, clock);
        messages = new Messages();
        renderer = new ProblemRenderer(messages);
        audit = new AuditLog(clock, keys);
        caseEvents = new CaseEvents();
        // One instance on SQLite keeps its limits in memory; instances on one PostgreSQL share them.
        rateLimits = db.dialect() == Dialect.POSTGRESQL
                ? RateLimits.shared(db, clock, hasher::hmac) : new RateLimits(clock);
        limits = new RateLimitPolicy(settings.rateLimits(), rateLimits, new ClientAddress(settings.trustedProxies()));
        dueDates = new DueDates(clock);
    }

    /** Demo staff, and generated cases that go through the server's own rollup, as real ones do. */
    private DemoOutcome seedDemo(Demo demo) {
        boolean seeded = DemoData.seed(db, clock, demo.password());
        int generated = demo.generatedCases() ? DemoCases.seed(db, trendRollup, clock) : 0;
        if (!seeded && demo.resetPassword()) {
            DemoData.setPassword(db, demo.password());
        }
        return new DemoOutcome(seeded || demo.resetPassword() ? Optional.of(demo.password()) : Optional.empty(),
                generated);
    }

    /**
     * Rollups follow every case change in the same transaction, each case under a random record key; ended months
     * are published once and stored, and the warm-up publishes them right after they end.
     */
    private TrendsService trends() {
        trendRollup = new TrendRollup(hasher, clock, random);
        caseEvents.listen(trendRollup);
        trendPublisher = new TrendPublisher(db);
        trendsWarmer = new TrendsWarmer(db, trendPublisher, clock);
        lifecycle.manage("trends warmer", () -> trendsWarmer.start(Duration.ofSeconds(1)), trendsWarmer::close);
        trendsService = new TrendsService(db, clock, trendPublisher, random);
        return trendsService;
    }

    /** The outbox listener writes pushes with the change; the dispatcher sends them on its own thread. */
    private MetricsController push(PushSender givenSender) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PushSender sender = lifecycle.closes("push transport", givenSender != null ? givenSender
                : settings.firebaseCredentials().<PushSender>map(file -> FcmSender.fromCredentialsFile(file, clock))
                        .orElseGet(LogSender::new));
        PushDispatcher.Settings pushSettings = PushDispatcher.Settings.withLease(settings.pushLease());
        PushDispatcher dispatcher = new PushDispatcher(db, sender,
                new PushComposer(cipher, new PushTexts(messages)), new PushMetrics(meters, clock),
                new Backoff(pushSettings.baseBackoff(), pushSettings.maxBackoff(), random), tokens, clock,
                pushSettings);
        // Stopped after the server, so it finishes the batch in hand once no request can add to it.
        PushWorker worker = new PushWorker(dispatcher, Duration.ofSeconds(1));
        lifecycle.manage("push worker", worker::start, worker::close);
        caseEvents.listen(new OutboxListener(new PushPolicy(), tokens, clock, worker::wake));
        return new MetricsController(meters);
    }

    /** Deadlines follow the case events; the SLA pass raises warnings and breaches every minute. */
    private InboxService inbox() {
        caseEvents.listen(new InboxEventListener(dueDates));
        slaScheduler = new SlaScheduler(db, caseEvents, clock);
        lifecycle.manage("sla pass", slaScheduler::start, slaScheduler::close);
        return new InboxService(db, cipher, tokens, caseEvents, audit, dueDates, clock);
    }

    /**
     * The upgrades that need the key file, before the server serves: rows sealed before they were bound to their
     * row are re-sealed (once), canned replies still in plain text are sealed, and audit entries from before the
     * chain was keyed get their MACs (once). Each is crash-safe: it commits in small steps and starts again where
     * it stopped.
     */
    private static void keyedUpgrades(Database db, FieldCipher cipher, AuditLog audit, CannedReplyService cannedReplies,
                              Clock clock) {
        Reencryptor.upgradeSealedOnce(db, cipher, clock);
        cannedReplies.sealUnsealed();
        audit.keyExistingEntries(db);
    }

    private CaseController intake() {
        FlowCatalog flow = new FlowCatalog();
        CaseService cases = new CaseService(db, cipher, hasher, new ReceiptCodes(random), tokens,
                new AnswerValidator(flow), new RuleRouter(clock), new CaseTexts(messages, cipher, clock),
                new ContentCatalog(), caseEvents, new ComplaintExporter(cipher, new ComplaintTexts(messages)), clock);
        return new CaseController(cases, new CaseDevicesService(db, hasher, messages));
    }

    /** The formal complaint: drafted, approved by the young person, sent as a tagged PDF; erased with its case. */
    private ComplaintController complaints(InboxService inbox) {
        caseEvents.listen(new ComplaintEraser());
        complaintService = new ComplaintService(db, cipher, tokens, audit, inbox, new ComplaintTexts(messages),
                clock);
        return new ComplaintController(complaintService);
    }

    /** Signals of structural abuses, written by trust persons; a case's erasure drops its links. */
    private SignalController signals() {
        caseEvents.listen(new SignalEraser());
        signalService = new SignalService(db, cipher, tokens, audit, clock);
        return new SignalController(signalService);
    }

    private void retentionJob() {
        retention = new RetentionJob(db, caseEvents, settings.retention());
        RetentionScheduler scheduler = new RetentionScheduler(retention, settings.retention().runAt(), clock);
        lifecycle.manage("retention", scheduler::start, scheduler::close);
    }

    /** The staff pages: the same services behind a cookie session with CSRF tokens (docs/web.md). */
    private WebGuard pages(StaffSessionService staffSessions, InboxService inbox, CannedReplyService cannedReplies,
                           StaffProfileService profiles, AdminService admin, TrendsService trendsService,
                           TrendsChart trendsChart, TrendLabels trendLabels) {
        live = new LiveUpdates(staffSessions);
        caseEvents.listen(live);
        WebSessions webSessions = new WebSessions(hasher, tokens,
                new WebSessions.TrustedProxy(new IpRanges(settings.trustedProxies())));
        Assets assets = new Assets();
        Pages pages = new Pages(assets, new Words(trendLabels, clock), webSessions, renderer, profiles);
        InboxLookup lookup = new InboxLookup(db, inbox, hasher);
        pageRoutes = Routes.pages(new Routes.PageControllers(assets,
                new LoginPages(staffSessions, webSessions, limits, pages),
                new InboxPages(inbox, lookup, profiles, pages),
                new CasePages(inbox, cannedReplies, lookup,
                        new StatusPreview(db, inbox, new CaseTexts(messages, cipher, clock), clock), complaintService,
                        pages),
                new ComplaintPages(complaintService, pages),
                new SignalPages(signalService, pages),
                new QueuePages(inbox, lookup, pages),
                new CouncilPages(trendsService, trendsChart, pages),
                new AdminPages(admin, pages),
                live));
        return new WebGuard(webSessions, staffSessions, pages);
    }

    private void http(AccessGuard guard, WebGuard webGuard, Duration stopSilence) {
        ProblemMapper problems = new ProblemMapper(renderer);
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Its watcher is a non-daemon thread sleeping five seconds, which holds every stopping process that long.
            config.startup.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.appData(Bodies.MAX_BYTES, (long) settings.maxRequestBytes());
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            // A request body that stops arriving holds a thread while it is read: give up after a while and
            // answer 408, instead of the connection's default of 30 seconds.
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(settings.bodyStall().toMillis()));
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.requestLogger.http(RequestContext::log);
            config.jetty.modifyServer(jetty -> {
                jetty.setErrorHandler(new JettyProblems.ServerHandler(renderer));
                // On stop, requests in flight (a phone halfway through sending a case) are finished first;
                // new ones get 503 so a proxy sends them to another instance.
                GracefulHandler graceful = new GracefulHandler();
                graceful.setShutdownIdleTimeout(stopSilence.toMillis());
                jetty.insertHandler(graceful);
                jetty.setStopTimeout(SHUTDOWN_GRACE.toMillis());
            });
            config.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JettyProblems.ContextHandler(renderer));
                context.addFilter(new FilterHolder(new RequestAsSent()), "/*", EnumSet.of(DispatcherType.REQUEST));
            });
            // Strict CORS: only configured origins.
            List<String> origins = settings.allowedOriginList();
            if (!origins.isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    origins.forEach(rule::allowHost);
                    rule.exposeHeader("Retry-After");
                    rule.exposeHeader("X-Request-Id");
                    rule.maxAge = 600;
                }));
            }
            OriginCheck originCheck = new OriginCheck(origins);
            config.routes.before(ctx -> {
                RequestContext.begin(ctx);
                SecurityHeaders.apply(ctx);
                RequestAsSent.check(ctx);
                originCheck.apply(ctx);
            });
            problems.register(config.routes);
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), guard.wrap(limits.wrap(route)),
                        route.roles().toArray(new Role[0]));
            }
            for (Route route : pageRoutes) {
                config.routes.addHttpHandler(route.method(), route.path(), webGuard.wrap(limits.wrap(route)),
                        route.roles().toArray(new Role[0]));
            }
            // Javalin answers HEAD on a GET route with an empty 200 without running any handler, so without
            // an access check; HEAD is refused instead (the app never needs it).
            Route.headRefusals(routes).forEach((path, handler) ->
                    config.routes.addHttpHandler(HandlerType.HEAD, path, handler));
            Route.headRefusals(pageRoutes).forEach((path, handler) ->
                    config.routes.addHttpHandler(HandlerType.HEAD, path, handler));
        });
        lifecycle.manage("http server", server::start, server::stop);
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return db;
    }

    public Settings settings() {
        return settings;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** The slow-down of failed staff log-ins (tests reset it between scenarios). */
    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    /** What demo seeding did, for the start-up lines. */
    public DemoOutcome demo() {
        return demoOutcome;
    }

    /** The managed parts in start order. */
    public List<String> parts() {
        return lifecycle.names();
    }

    /** Every route the server answers, as Routes lists them (the hostile-input and access matrix tests walk them). */
    public List<Route> routes() {
        return routes;
    }

    public RetentionJob retention() {
        return retention;
    }

    /** The SLA pass, so tests can run it with their own clock. */
    public SlaScheduler slaScheduler() {
        return slaScheduler;
    }

    /** The case event bus (tests listen to it). */
    public CaseEvents caseEvents() {
        return caseEvents;
    }

    /** Every staff page and fragment, as Routes lists them (the page access test walks them). */
    public List<Route> pageRoutes() {
        return pageRoutes;
    }

    /** The live-update streams of the staff pages (tests wait until a page listens). */
    public LiveUpdates live() {
        return live;
    }

    /** The background publication of ended trend months, so tests can run a pass with their clock. */
    public TrendsWarmer trendsWarmer() {
        return trendsWarmer;
    }

    /** The publication of trend months (tests and the demo use the server's own). */
    public TrendPublisher trendPublisher() {
        return trendPublisher;
    }

    /** The council trends, answered from the stored publications and kept answers. */
    public TrendsService trendsService() {
        return trendsService;
    }

    /** The trend rollup listener, with the server's keys and random source. */
    public TrendRollup trendRollup() {
        return trendRollup;
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
