// Placeholder until this page is built.
import { Loading } from "../../components/states";

export default function CustomerPage() {
  return <Loading />;
}
