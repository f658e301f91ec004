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
import nl.gehoord.demo.DemoCases;
import nl.gehoord.demo.DemoData;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.http.AccessGuard;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.ClientAddress;
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
import nl.gehoord.inbox.InboxService;
import nl.gehoord.inbox.RuleRouter;
import nl.gehoord.inbox.StaffProfileController;
import nl.gehoord.inbox.StaffProfileService;
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
import nl.gehoord.trends.ChangeCache;
import nl.gehoord.trends.TrendLabels;
import nl.gehoord.trends.TrendRollup;
import nl.gehoord.trends.TrendsChart;
import nl.gehoord.trends.TrendsController;
import nl.gehoord.trends.TrendsService;
import nl.gehoord.trends.TrendsWarmer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Wires the whole application by hand: one place to see what depends on what. The shared parts come first,
 * then one method per feature; every part with a life of its own is handed to the {@link Lifecycle}, which
 * starts them in order (the HTTP server last) and closes them in reverse.
 */
public final class App implements AutoCloseable {
    /** How long a stopping instance waits for the requests it is answering. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    /** How long a blocking read of a request body waits for the next bytes. */
    public static final long BODY_STALL_MILLIS = 10_000;

    /**
     * How to start. {@code demo} seeds the demo organisation first (safe to repeat); {@code pushSender} replaces
     * the transport the settings choose (tests aim the real FCM sender at a fake FCM server).
     */
    public record Options(Demo demo, PushSender pushSender) {
        public static Options plain() {
            return new Options(null, null);
        }

        public Options withDemo(Demo demo) {
            return new Options(demo, pushSender);
        }

        public Options withPushSender(PushSender sender) {
            return new Options(demo, sender);
        }
    }

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
    private AuditLog audit;
    private CaseEvents caseEvents;
    private RateLimits rateLimits;
    private RateLimitPolicy limits;
    private LoginThrottle loginThrottle;
    private DueDates dueDates;
    private DemoOutcome demoOutcome;

    // Parts tests reach
    private Javalin server;
    private List<Route> routes;
    private RetentionJob retention;
    private SlaScheduler slaScheduler;
    private TrendsWarmer trendsWarmer;
    private ChangeCache trendChanges;

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
            app.lifecycle.close();
            throw e;
        }
    }

    private void wire(Options options) {
        openDatabase();
        shared();
        demoOutcome = options.demo() == null ? new DemoOutcome(Optional.empty(), 0) : seedDemo(options.demo());
        TrendsController trends = trends();
        MetricsController metrics = push(options.pushSender());
        InboxService inbox = inbox();
        DeviceService devices = new DeviceService(db, cipher, tokens, clock);
        SecondFactors secondFactors = new SecondFactors(cipher, hasher, random, clock);
        loginThrottle = new LoginThrottle(clock);
        StaffSessionService staffSessions = new StaffSessionService(db, tokens, clock, secondFactors, loginThrottle,
                audit);
        StaffAccounts staffAccounts = new StaffAccounts(db, tokens, clock, audit, secondFactors, staffSessions);
        retentionJob();
        Routes.Controllers controllers = new Routes.Controllers(
                new OpsController(db),
                new InfoController(new FlowCatalog(), new ContentCatalog(), new PlacesService(db)),
                new DeviceController(devices),
                intake(),
                new StaffController(staffSessions, staffAccounts, limits),
                metrics,
                new InboxController(inbox),
                new StaffProfileController(new StaffProfileService(db, cipher, audit, inbox)),
                new CannedReplyController(new CannedReplyService(db, tokens, audit, clock)),
                new AdminController(new AdminService(db, tokens, audit, dueDates, staffAccounts, clock)),
                trends);
        routes = Routes.all(controllers);
        http(new AccessGuard(List.of(devices, staffSessions)));
    }

    private void openDatabase() {
        db = lifecycle.closes("database", Database.open(settings.databaseUrl()));
        db.migrate();
    }

    private void shared() {
        KeyRing keys = KeyRing.loadOrCreate(settings.keyFile(), random);
        cipher = new FieldCipher(keys, random);
        hasher = new SecretHasher(keys);
        tokens = new Tokens(random);
        messages = new Messages();
        audit = new AuditLog(clock);
        caseEvents = new CaseEvents();
        // One instance on SQLite keeps its limits in memory; instances on one PostgreSQL share them.
        rateLimits = db.dialect() == Dialect.POSTGRESQL
                ? RateLimits.shared(db.dataSource(), clock, hasher::hmac) : new RateLimits(clock);
        limits = new RateLimitPolicy(settings.rateLimits(), rateLimits, new ClientAddress(settings.trustedProxies()));
        dueDates = new DueDates(clock);
    }

    /** Demo staff, and generated cases that go through the same rollup as real ones. */
    private DemoOutcome seedDemo(Demo demo) {
        boolean seeded = DemoData.seed(db, clock, demo.password());
        int generated = demo.generatedCases() ? DemoCases.seed(db, new TrendRollup(hasher, clock), clock) : 0;
        if (!seeded && demo.resetPassword()) {
            DemoData.setPassword(db, demo.password());
        }
        return new DemoOutcome(seeded || demo.resetPassword() ? Optional.of(demo.password()) : Optional.empty(),
                generated);
    }

    /** Rollups follow every case change in the same transaction; protecting changes are computed ahead. */
    private TrendsController trends() {
        caseEvents.listen(new TrendRollup(hasher, clock));
        trendChanges = new ChangeCache();
        trendsWarmer = new TrendsWarmer(db, trendChanges, clock, Duration.ofSeconds(3), Duration.ofSeconds(30));
        lifecycle.manage("trends warmer", () -> trendsWarmer.start(Duration.ofSeconds(1)), trendsWarmer::close);
        return new TrendsController(new TrendsService(db, clock, trendChanges), new TrendsChart(new TrendLabels()));
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

    private CaseController intake() {
        FlowCatalog flow = new FlowCatalog();
        CaseService cases = new CaseService(db, cipher, hasher, new ReceiptCodes(random), tokens,
                new AnswerValidator(flow), new RuleRouter(clock), new CaseTexts(messages, cipher),
                new ContentCatalog(), caseEvents, clock);
        return new CaseController(cases, new CaseDevicesService(db, hasher, messages));
    }

    private void retentionJob() {
        retention = new RetentionJob(db, caseEvents, settings.retention());
        RetentionScheduler scheduler = new RetentionScheduler(retention, settings.retention().runAt(), clock);
        lifecycle.manage("retention", scheduler::start, scheduler::close);
    }

    private void http(AccessGuard guard) {
        ProblemRenderer renderer = new ProblemRenderer(messages);
        ProblemMapper problems = new ProblemMapper(renderer);
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.appData(Bodies.MAX_BYTES, (long) settings.maxRequestBytes());
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
                jetty.insertHandler(new GracefulHandler());
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
            // Javalin answers HEAD on a GET route with an empty 200 without running any handler, so without
            // an access check; HEAD is refused instead (the app never needs it).
            Route.headRefusals(routes).forEach((path, handler) ->
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
        lifecycle.close();
    }
}
