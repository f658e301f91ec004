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
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.db.Dialect;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.http.AccessGuard;
import nl.gehoord.http.ClientAddress;
import nl.gehoord.http.Json;
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
import nl.gehoord.trends.ChangeCache;
import nl.gehoord.trends.TrendLabels;
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
    private final ChangeCache trendChanges;

    private App(Settings settings, Database db, Javalin server, RateLimits rateLimits, PushWorker pushWorker,
                PushSender pushSender, RetentionJob retention, RetentionScheduler retentionScheduler,
                List<Route> routes, SlaScheduler slaScheduler, CaseEvents caseEvents, TrendsWarmer trendsWarmer, ChangeCache trendChanges) {
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
        this.trendChanges = trendChanges;
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
        caseEvents.listen(new TrendRollup(hasher, clock));
        // The protecting changes are computed ahead, after a month's data changed and at start-up (docs/trends.md).
        ChangeCache trendChanges = new ChangeCache();
        TrendsWarmer trendsWarmer = new TrendsWarmer(db, trendChanges, clock, Duration.ofSeconds(3),
                Duration.ofSeconds(30));
        TrendsController trendsController = new TrendsController(new TrendsService(db, clock, trendChanges),
                new TrendsChart(new TrendLabels()));
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
        AuditLog audit = new AuditLog(clock);
        SlaPolicies slaPolicies = new SlaPolicies(clock);
        caseEvents.listen(new InboxEventListener(slaPolicies, clock));
        SlaScheduler slaScheduler = new SlaScheduler(db, caseEvents, clock);
        InboxService inbox = new InboxService(db, cipher, tokens, caseEvents, audit, clock);
        DeviceService devices = new DeviceService(db, cipher, tokens, clock);
        SecondFactors secondFactors = new SecondFactors(cipher, hasher, random, clock);
        LoginThrottle loginThrottle = new LoginThrottle(clock);
        StaffSessionService staffSessions = new StaffSessionService(db, tokens, clock, secondFactors, loginThrottle,
                audit);
        StaffAccounts staffAccounts = new StaffAccounts(db, tokens, clock, audit, secondFactors, staffSessions);
        AdminService admin = new AdminService(db, tokens, audit, slaPolicies, staffAccounts, clock);
        CaseService cases = new CaseService(db, cipher, hasher, new ReceiptCodes(random), tokens,
                new AnswerValidator(flow), new RuleRouter(clock), new CaseTexts(messages, cipher), content,
                DueDates.defaults(), caseEvents, clock);

        Routes.Controllers controllers = new Routes.Controllers(
                new OpsController(db),
                new InfoController(flow, content, new PlacesService(db)),
                new DeviceController(devices),
                new CaseController(cases, new CaseDevicesService(db, hasher, messages)),
                new StaffController(staffSessions, staffAccounts, limits),
                new MetricsController(meters), // GET /metrics
                // The inbox
                new InboxController(inbox),
                new StaffProfileController(new StaffProfileService(db, cipher, audit, inbox)),
                new CannedReplyController(new CannedReplyService(db, tokens, audit, clock)),
                new AdminController(admin),
                trendsController);
        AccessGuard guard = new AccessGuard(List.of(devices, staffSessions));
        ProblemRenderer renderer = new ProblemRenderer(messages);
        ProblemMapper problems = new ProblemMapper(renderer);

        List<Route> routes = Routes.all(controllers);
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
            // Javalin answers HEAD on a GET route with an empty 200 without running any handler, so without
            // an access check; HEAD is refused instead (the app never needs it).
            Route.headRefusals(routes).forEach((path, handler) ->
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
        App app = new App(settings, db, server, rateLimits, pushWorker, pushSender, retention, retentionScheduler,
                routes, slaScheduler, caseEvents, trendsWarmer, trendChanges);
        app.loginThrottle = loginThrottle;
        return app;
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

    /** The background warm-up of the trends' protecting changes, so tests can run a pass with their clock. */
    public TrendsWarmer trendsWarmer() {
        return trendsWarmer;
    }

    /** The cache of protecting changes the trends queries and the warm-up share (tests read its counter). */
    public ChangeCache trendChanges() {
        return trendChanges;
    }

    @Override
    public void close() {
        trendsWarmer.close();
        slaScheduler.close();
        retentionScheduler.close();
        server.stop();
        pushWorker.close(); // finish the batch in hand, then stop
        pushSender.close();
        db.close();
    }
}
