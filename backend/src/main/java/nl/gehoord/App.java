package nl.gehoord;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import nl.gehoord.admin.AdminController;
import nl.gehoord.admin.AdminService;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.config.Settings;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.ReceiptCodes;
import nl.gehoord.crypto.Reencryptor;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.db.Dialect;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.http.AccessGuard;
import nl.gehoord.http.ClientAddress;
import nl.gehoord.http.Json;
import nl.gehoord.http.IpRanges;
import nl.gehoord.http.JettyProblems;
import nl.gehoord.http.OriginCheck;
import nl.gehoord.http.ProblemMapper;
import nl.gehoord.http.ProblemRenderer;
import nl.gehoord.http.RateLimitPolicy;
import nl.gehoord.http.RateLimits;
import nl.gehoord.http.RequestAsSent;
import nl.gehoord.http.RequestContext;
import nl.gehoord.http.Route;
import nl.gehoord.http.SecurityHeaders;
import nl.gehoord.intake.AnswerValidator;
import nl.gehoord.intake.CaseController;
import nl.gehoord.intake.CaseService;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.intake.ContentCatalog;
import nl.gehoord.intake.DeviceController;
import nl.gehoord.intake.DeviceService;
import nl.gehoord.intake.FlowCatalog;
import nl.gehoord.intake.InfoController;
import nl.gehoord.youth.YouthAppController;
import nl.gehoord.inbox.CannedReplyController;
import nl.gehoord.inbox.CannedReplyService;
import nl.gehoord.inbox.InboxController;
import nl.gehoord.inbox.InboxEventListener;
import nl.gehoord.inbox.InboxService;
import nl.gehoord.inbox.RuleRouter;
import nl.gehoord.inbox.StaffProfileController;
import nl.gehoord.inbox.StaffProfileService;
import nl.gehoord.ops.OpsController;
import nl.gehoord.organisations.PlacesService;
import nl.gehoord.retention.RetentionJob;
import nl.gehoord.retention.RetentionScheduler;
import nl.gehoord.sla.DueDates;
import nl.gehoord.sla.SlaPolicies;
import nl.gehoord.sla.SlaScheduler;
import nl.gehoord.intake.CaseDevicesService;
import nl.gehoord.staff.LoginThrottle;
import nl.gehoord.staff.SecondFactors;
import nl.gehoord.staff.StaffAccounts;
import nl.gehoord.staff.StaffController;
import nl.gehoord.staff.StaffSessionService;
import nl.gehoord.text.Messages;
import nl.gehoord.inbox.InboxLookup;
import nl.gehoord.inbox.StatusPreview;
import nl.gehoord.web.AdminPages;
import nl.gehoord.web.Assets;
import nl.gehoord.web.CasePages;
import nl.gehoord.web.CouncilPages;
import nl.gehoord.web.InboxPages;
import nl.gehoord.web.LiveUpdates;
import nl.gehoord.web.LoginPages;
import nl.gehoord.web.Pages;
import nl.gehoord.web.QueuePages;
import nl.gehoord.web.WebGuard;
import nl.gehoord.web.WebSessions;
import nl.gehoord.web.Words;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import nl.gehoord.ops.MetricsController;
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
import nl.gehoord.trends.TrendLabels;
import nl.gehoord.trends.TrendPublisher;
import nl.gehoord.trends.TrendRollup;
import nl.gehoord.trends.TrendsChart;
import nl.gehoord.trends.TrendsController;
import nl.gehoord.trends.TrendsService;
import nl.gehoord.trends.TrendsWarmer;

/** Wires the whole application by hand: one place to see what depends on what. */
public final class App implements AutoCloseable {
    /** How long a stopping instance waits for the requests it is answering. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    /** How long a blocking read of a request body waits for the next bytes. */
    public static final long BODY_STALL_MILLIS = 10_000;
    private final Settings settings;
    private final Database db;
    private final Javalin server;
    private final RateLimits rateLimits;
    private LoginThrottle loginThrottle;
    private final PushWorker pushWorker;
    private final PushSender pushSender;
    private final RetentionJob retention;
    private final RetentionScheduler retentionScheduler;
    private final List<Route> routes;
    private final SlaScheduler slaScheduler;
    private final CaseEvents caseEvents;
    private final TrendsWarmer trendsWarmer;
    private final TrendPublisher trendPublisher;
    private final TrendRollup trendRollup;
    private final List<Route> pageRoutes;
    private final LiveUpdates live;

    private App(Settings settings, Database db, Javalin server, RateLimits rateLimits, PushWorker pushWorker,
                PushSender pushSender, RetentionJob retention, RetentionScheduler retentionScheduler,
                List<Route> routes, SlaScheduler slaScheduler, CaseEvents caseEvents, TrendsWarmer trendsWarmer,
                TrendPublisher trendPublisher, TrendRollup trendRollup, List<Route> pageRoutes, LiveUpdates live) {
        this.pageRoutes = pageRoutes;
        this.live = live;
        this.routes = routes;
        this.settings = settings;
        this.db = db;
        this.server = server;
        this.rateLimits = rateLimits;
        this.pushWorker = pushWorker;
        this.pushSender = pushSender;
        this.retention = retention;
        this.retentionScheduler = retentionScheduler;
        this.slaScheduler = slaScheduler;
        this.caseEvents = caseEvents;
        this.trendsWarmer = trendsWarmer;
        this.trendPublisher = trendPublisher;
        this.trendRollup = trendRollup;
    }

    /**
     * Starts with the demo data seeded first (idempotent), for tests; the push transport may be given (the real FCM
     * sender aimed at a fake FCM server), or null for the one the settings name.
     */
    public static App startWithDemo(Settings settings, Clock clock, SecureRandom random, String demoPassword,
                                    PushSender pushSender) {
        Database db = Database.open(settings.databaseUrl());
        try {
            db.migrate();
            nl.gehoord.demo.DemoData.seed(db, clock, demoPassword);
            return start(settings, db, clock, random, pushSender);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    static App start(Settings settings, Database db, Clock clock, SecureRandom random) {
        return start(settings, db, clock, random, null);
    }

    static App start(Settings settings, Database db, Clock clock, SecureRandom random, PushSender givenPushSender) {
        KeyRing keys = KeyRing.loadOrCreate(settings.keyFile(), random);
        if (db.dialect() == nl.gehoord.db.Dialect.SQLITE
                && settings.keyFile().getParent().equals(settings.dataDir())) {
            // The default, so the demo runs with one command; in production a copy of the data folder must not
            // carry the key that opens it.
            org.slf4j.LoggerFactory.getLogger(App.class).warn("the key file {} is in the data folder with the "
                    + "database; set GEHOORD_KEY_FILE to a path outside it and back it up apart (docs/security.md)",
                    settings.keyFile());
        }
        FieldCipher cipher = new FieldCipher(keys, random);
        SecretHasher hasher = new SecretHasher(keys);
        Tokens tokens = new Tokens(random);
        Messages messages = new Messages();
        FlowCatalog flow = new FlowCatalog();
        ContentCatalog content = new ContentCatalog();
        // One instance on SQLite keeps its limits in memory; instances on one PostgreSQL share them.
        RateLimits rateLimits = db.dialect() == Dialect.POSTGRESQL
                ? RateLimits.shared(db.dataSource(), clock, hasher::hmac) : new RateLimits(clock);
        RateLimitPolicy limits = new RateLimitPolicy(settings.rateLimits(), rateLimits,
                new ClientAddress(settings.trustedProxies()));
        CaseEvents caseEvents = new CaseEvents();
        // --- Trends: rollups follow every case change in the same transaction ---
        TrendRollup trendRollup = new TrendRollup(hasher, clock, random);
        trendRollup.assignMissingKeys(db);
        caseEvents.listen(trendRollup);
        // Ended months are published once and stored; the warm-up publishes them right after they end.
        TrendPublisher trendPublisher = new TrendPublisher(db);
        TrendsWarmer trendsWarmer = new TrendsWarmer(db, trendPublisher, clock);
        TrendLabels trendLabels = new TrendLabels();
        TrendsService trendsService = new TrendsService(db, clock, trendPublisher);
        TrendsChart trendsChart = new TrendsChart(trendLabels);
        TrendsController trendsController = new TrendsController(trendsService, trendsChart, trendLabels);
        // --- end trends ---

        // --- Push: outbox listener, dispatcher on its own thread, transport from the settings ---
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PushSender pushSender = givenPushSender != null ? givenPushSender : settings.firebaseCredentials()
                .<PushSender>map(file -> FcmSender.fromCredentialsFile(file, clock)).orElseGet(LogSender::new);
        PushDispatcher.Settings pushSettings = PushDispatcher.Settings.withLease(settings.pushLease());
        PushDispatcher pushDispatcher = new PushDispatcher(db, pushSender,
                new PushComposer(cipher, new PushTexts(messages)), new PushMetrics(meters, clock),
                new Backoff(pushSettings.baseBackoff(), pushSettings.maxBackoff(), random), tokens, clock,
                pushSettings);
        PushWorker pushWorker = new PushWorker(pushDispatcher, Duration.ofSeconds(1));
        caseEvents.listen(new OutboxListener(new PushPolicy(), tokens, clock, pushWorker::wake));
        // --- end push ---

        // Audit, routing, inbox, SLA
        AuditLog audit = new AuditLog(clock, keys);
        SlaPolicies slaPolicies = new SlaPolicies(clock);
        caseEvents.listen(new InboxEventListener(slaPolicies, clock));
        SlaScheduler slaScheduler = new SlaScheduler(db, caseEvents, clock);
        InboxService inbox = new InboxService(db, cipher, tokens, caseEvents, audit, clock);

        CannedReplyService cannedReplies = new CannedReplyService(db, cipher, tokens, audit, clock);
        keyedUpgrades(db, cipher, audit, cannedReplies, clock);

        DeviceService devices = new DeviceService(db, cipher, tokens, clock);
        SecondFactors secondFactors = new SecondFactors(cipher, hasher, random, clock);
        LoginThrottle loginThrottle = new LoginThrottle(clock);
        StaffSessionService staffSessions = new StaffSessionService(db, tokens, clock, secondFactors, loginThrottle,
                audit);
        StaffAccounts staffAccounts = new StaffAccounts(db, tokens, clock, audit, secondFactors, staffSessions);
        AdminService admin = new AdminService(db, tokens, audit, slaPolicies, staffAccounts, clock);
        CaseService cases = new CaseService(db, cipher, hasher, new ReceiptCodes(random), tokens,
                new AnswerValidator(flow), new RuleRouter(clock), new CaseTexts(messages, cipher, clock), content,
                DueDates.defaults(), caseEvents, clock);

        ProblemRenderer renderer = new ProblemRenderer(messages);
        StaffProfileService profiles = new StaffProfileService(db, cipher, audit, inbox);
        Routes.Controllers controllers = new Routes.Controllers(
                new OpsController(db),
                new InfoController(flow, content, new PlacesService(db)),
                new DeviceController(devices),
                new CaseController(cases, new CaseDevicesService(db, hasher, messages)),
                new StaffController(staffSessions, staffAccounts, limits),
                new MetricsController(meters), // GET /metrics
                // The inbox
                new InboxController(inbox),
                new StaffProfileController(profiles),
                new CannedReplyController(cannedReplies),
                new AdminController(admin),
                trendsController, new YouthAppController());
        AccessGuard guard = new AccessGuard(List.of(devices, staffSessions));
        ProblemMapper problems = new ProblemMapper(renderer);

        List<Route> routes = Routes.all(controllers);

        // The staff pages: the same services behind a cookie session with CSRF tokens (docs/web.md)
        LiveUpdates live = new LiveUpdates(staffSessions);
        caseEvents.listen(live);
        WebSessions webSessions = new WebSessions(hasher, tokens,
                new WebSessions.TrustedProxy(new IpRanges(settings.trustedProxies())));
        Assets assets = new Assets();
        Pages pages = new Pages(assets, new Words(trendLabels, clock), webSessions, renderer, profiles);
        InboxLookup lookup = new InboxLookup(db, inbox, hasher);
        List<Route> pageRoutes = Routes.pages(new Routes.PageControllers(assets,
                new LoginPages(staffSessions, webSessions, limits, pages),
                new InboxPages(inbox, lookup, profiles, pages),
                new CasePages(inbox, cannedReplies, lookup,
                        new StatusPreview(db, inbox, new CaseTexts(messages, cipher, clock), clock), pages),
                new QueuePages(inbox, lookup, pages),
                new CouncilPages(trendsService, trendsChart, pages),
                new AdminPages(admin, pages),
                live));
        WebGuard webGuard = new WebGuard(webSessions, staffSessions, pages);
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.appData(nl.gehoord.http.Bodies.MAX_BYTES, (long) settings.maxRequestBytes());
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            // A request body that stops arriving holds a thread while it is read: give up after a while and
            // answer 408, instead of the connection's default of 30 seconds.
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(BODY_STALL_MILLIS));
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.requestLogger.http(RequestContext::log);
            config.jetty.modifyServer(jetty -> {
                jetty.setErrorHandler(new JettyProblems.ServerHandler(renderer));
                // On stop, requests in flight (a phone halfway through sending a case) are finished first;
                // new ones get 503 so a proxy sends them to another instance.
                jetty.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
                jetty.setStopTimeout(SHUTDOWN_GRACE.toMillis());
            });
            config.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JettyProblems.ContextHandler(renderer));
                context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new RequestAsSent()), "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            });
            // --- Strict CORS (only configured origins) ---
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
                        route.roles().toArray(new nl.gehoord.http.Role[0]));
            }
            for (Route route : pageRoutes) {
                config.routes.addHttpHandler(route.method(), route.path(), webGuard.wrap(limits.wrap(route)),
                        route.roles().toArray(new nl.gehoord.http.Role[0]));
            }
            // Javalin answers HEAD on a GET route with an empty 200 without running any handler, so without
            // an access check; HEAD is refused instead (the app never needs it).
            Route.headRefusals(routes).forEach((path, handler) ->
                    config.routes.addHttpHandler(io.javalin.http.HandlerType.HEAD, path, handler));
            Route.headRefusals(pageRoutes).forEach((path, handler) ->
                    config.routes.addHttpHandler(io.javalin.http.HandlerType.HEAD, path, handler));
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            pushSender.close(); // a Firebase app would outlive the failed start
            throw e;
        }
        pushWorker.start();
        // --- The daily retention job ---
        RetentionJob retention = new RetentionJob(db, caseEvents, settings.retention());
        RetentionScheduler retentionScheduler = new RetentionScheduler(retention, settings.retention().runAt(), clock)
                .start();
        slaScheduler.start();
        trendsWarmer.start(Duration.ofSeconds(1));
        live.start();
        App app = new App(settings, db, server, rateLimits, pushWorker, pushSender, retention, retentionScheduler,
                routes, slaScheduler, caseEvents, trendsWarmer, trendPublisher, trendRollup, pageRoutes, live);
        app.loginThrottle = loginThrottle;
        return app;
    }

    /**
     * The upgrades that need the key file, before the server serves: rows sealed before they were bound to their
     * row are re-sealed (once), canned replies still in plain text are sealed, and audit entries from before the
     * chain was keyed get their MACs (once). Each is crash-safe: it commits in small steps and starts again where
     * it stopped.
     */
    static void keyedUpgrades(Database db, FieldCipher cipher, AuditLog audit, CannedReplyService cannedReplies,
                              Clock clock) {
        Reencryptor.upgradeSealedOnce(db, cipher, clock);
        cannedReplies.sealUnsealed();
        audit.keyExistingEntries(db);
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

    /** Every route the server answers, as Routes lists them (the hostile-input and access matrix tests walk them). */
    public List<Route> routes() {
        return routes;
    }

    /** Every staff page and fragment, as Routes lists them (the page access test walks them). */
    public List<Route> pageRoutes() {
        return pageRoutes;
    }

    /** The live-update streams of the staff pages (tests wait until a page listens). */
    public LiveUpdates live() {
        return live;
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

    /** The background publication of ended trend months, so tests can run a pass with their clock. */
    public TrendsWarmer trendsWarmer() {
        return trendsWarmer;
    }

    /** The publication of trend months (tests and the demo use the server's own). */
    public TrendPublisher trendPublisher() {
        return trendPublisher;
    }

    /** The trend rollup listener, with the server's keys and random source. */
    public TrendRollup trendRollup() {
        return trendRollup;
    }

    @Override
    public void close() {
        trendsWarmer.close();
        slaScheduler.close();
        retentionScheduler.close();
        live.close();
        server.stop();
        pushWorker.close(); // finish the batch in hand, then stop
        pushSender.close();
        db.close();
    }
}
