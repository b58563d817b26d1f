// The UI's entry: styles, in-app links, then the app into #app.
import { render } from "preact";
import { App } from "./app";
import { routeLinksInsideTheApp } from "./links";
import "./styles/app.css";

routeLinksInsideTheApp();
render(<App />, document.getElementById("app")!);
