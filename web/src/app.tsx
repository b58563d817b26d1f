// The app: who is signed in, the language, and which page a path shows.
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter-preact";
import { ApiError, api, setApiLanguage, setUnauthenticatedHandler } from "./api/client";
import { Loading } from "./components/states";
import { ToastProvider } from "./components/toast";
import { LanguageProvider, directionOf, type Language } from "./i18n/i18n";
import { Shell } from "./layout/shell";
import { lazyPage } from "./lazy-page";
import { LoginPage } from "./pages/auth/login";
import { SignupPage } from "./pages/auth/signup";
import { AcceptInvitePage } from "./pages/auth/accept-invite";
import { ForgotPasswordPage } from "./pages/auth/forgot-password";
import { SmsSignInPage } from "./pages/auth/sms-sign-in";
import { SIGNED_IN_ROUTES, SIGNED_OUT_ROUTES, type SignedInPage } from "./routes";
import { SessionContext, type Me, type PluginInfo, type SessionState } from "./session/session";

const DashboardPage = lazyPage(() => import("./pages/dashboard/dashboard-page"));
const CustomersPage = lazyPage(() => import("./pages/customers/customers-page"));
const CustomerPage = lazyPage(() => import("./pages/customers/customer-page"));
const CustomerFormPage = lazyPage(() => import("./pages/customers/customer-form-page"));
const DuplicatesPage = lazyPage(() => import("./pages/customers/duplicates-page"));
const TasksPage = lazyPage(() => import("./pages/tasks/tasks-page"));
const ComplaintsPage = lazyPage(() => import("./pages/complaints/complaints-page"));
const OrdersPage = lazyPage(() => import("./pages/orders/orders-page"));
const OrderPage = lazyPage(() => import("./pages/orders/order-page"));
const ImportPage = lazyPage(() => import("./pages/import/import-page"));
const SettingsPage = lazyPage(() => import("./pages/settings/settings-page"));
const PluginPage = lazyPage(() => import("./pages/plugins/plugin-page"));

/** What each signed-in path shows (the paths are in routes.ts). */
const SIGNED_IN_PAGES: Record<SignedInPage, ReturnType<typeof lazyPage>> = {
  dashboard: DashboardPage,
  customers: CustomersPage,
  newCustomer: CustomerFormPage,
  duplicates: DuplicatesPage,
  editCustomer: CustomerFormPage,
  customer: CustomerPage,
  orders: OrdersPage,
  order: OrderPage,
  tasks: TasksPage,
  complaints: ComplaintsPage,
  import: ImportPage,
  settings: SettingsPage,
  pluginPage: PluginPage,
};

const STORED_LANGUAGE = "edge-crm.language";

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED_LANGUAGE);
  // Persian first: English only once someone chose it (or their workspace or profile says so).
  return stored === "en" ? "en" : "fa";
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [plugins, setPlugins] = useState<PluginInfo[]>([]);
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [location, navigate] = useLocation();

  const applyLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    setApiLanguage(next);
    localStorage.setItem(STORED_LANGUAGE, next);
    document.documentElement.lang = next;
    document.documentElement.dir = directionOf(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const [nextMe, nextPlugins] = await Promise.all([api.get<Me>("/api/auth/me"), api.get<{ items: PluginInfo[] }>("/api/plugins")]);
      setMe(nextMe);
      setPlugins(nextPlugins.items);
      applyLanguage(nextMe.user.locale ?? nextMe.workspace.locale);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setMe(null);
      else throw error;
    }
  }, [applyLanguage]);

  useEffect(() => {
    applyLanguage(language);
    setUnauthenticatedHandler(() => setMe(null));
    void refresh();
  }, []);

  /** Switching language: at once on screen, remembered for this user when signed in. */
  const setLanguage = useCallback(
    (next: Language) => {
      applyLanguage(next);
      if (me) {
        setMe({ ...me, user: { ...me.user, locale: next } });
        void api.patch("/api/auth/me", { locale: next }).catch(() => {});
      }
    },
    [me, applyLanguage],
  );

  const signOut = useCallback(async () => {
    await api.post("/api/auth/logout").catch(() => {});
    setMe(null);
    setPlugins([]);
    navigate("/login");
  }, [navigate]);

  const session = useMemo<SessionState>(
    () => ({ me: me ?? undefined, plugins, can: (permission) => Boolean(me?.permissions.includes(permission)), refresh, signOut }),
    [me, plugins, refresh, signOut],
  );

  let content;
  if (me === undefined) content = <Loading />;
  else if (me === null) content = <SignedOutRoutes location={location} onSignedIn={refresh} />;
  else
    content = (
      <Shell>
        <Switch>
          {(Object.keys(SIGNED_IN_ROUTES) as SignedInPage[]).map((page) => {
            const Page = SIGNED_IN_PAGES[page];
            return (
              <Route key={page} path={SIGNED_IN_ROUTES[page]}>
                <Page />
              </Route>
            );
          })}
          <Route path={SIGNED_OUT_ROUTES.login}>
            <ReturnAfterSignIn />
          </Route>
          <Route path={SIGNED_OUT_ROUTES.signup}>
            <Redirect to={SIGNED_IN_ROUTES.dashboard} />
          </Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Shell>
    );

  return (
    <LanguageProvider language={language} setLanguage={setLanguage}>
      <SessionContext.Provider value={session}>
        <ToastProvider>{content}</ToastProvider>
      </SessionContext.Provider>
    </LanguageProvider>
  );
}

/** Signed in on /login?next=/customers/42: go there (same-origin paths only), else home. */
function ReturnAfterSignIn() {
  const next = new URLSearchParams(useSearch()).get("next");
  return <Redirect to={next && next.startsWith("/") && !next.startsWith("//") ? next : "/"} replace />;
}

function SignedOutRoutes({ location, onSignedIn }: { location: string; onSignedIn: () => Promise<void> }) {
  const search = useSearch();
  const asked = location + (search ? `?${search}` : "");
  return (
    <Switch>
      <Route path={SIGNED_OUT_ROUTES.signup}>
        <SignupPage onSignedIn={onSignedIn} />
      </Route>
      <Route path={SIGNED_OUT_ROUTES.invite}>{(params: { token: string }) => <AcceptInvitePage kind="invite" token={params.token} onSignedIn={onSignedIn} />}</Route>
      <Route path={SIGNED_OUT_ROUTES.reset}>{(params: { token: string }) => <AcceptInvitePage kind="reset" token={params.token} onSignedIn={onSignedIn} />}</Route>
      <Route path={SIGNED_OUT_ROUTES.forgotPassword}>
        <ForgotPasswordPage />
      </Route>
      <Route path={SIGNED_OUT_ROUTES.smsSignIn}>
        <SmsSignInPage onSignedIn={onSignedIn} />
      </Route>
      <Route path={SIGNED_OUT_ROUTES.login}>
        <LoginPage onSignedIn={onSignedIn} />
      </Route>
      <Route>
        <Redirect to={`/login${location && location !== "/" ? `?next=${encodeURIComponent(asked)}` : ""}`} replace />
      </Route>
    </Switch>
  );
}

function NotFound() {
  return (
    <div class="state state--empty">
      <p lang="fa">صفحه پیدا نشد.</p>
      <p lang="en">Page not found.</p>
      <a href="/">←</a>
    </div>
  );
}
