// The batch worker's entry point when it runs as one bundled file (see worker-bundle.ts).
import { serve } from "./worker";

serve();
