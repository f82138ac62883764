package io.budget4j.it.apps;

import io.budget4j.Budgeted;
import io.budget4j.ModelCall;
import io.budget4j.TenantId;

/** A bot whose runs are charged to the tenant named by a parameter; quotas come from YAML. */
public class TenantBot {
    @ModelCall
    public Reply ask(String q) {
        return Reply.of("ok", 30, 20); // 50 tokens a call
    }

    @Budgeted(maxSteps = 100)
    public int serve(@TenantId String tenant, int calls) {
        for (int i = 0; i < calls; i++) {
            ask("q" + i);
        }
        return calls;
    }

    public static void main(String[] args) {
        TenantBot bot = new TenantBot();
        for (String tenant : new String[]{"acme", "acme", "globex"}) {
            try {
                System.out.println("SERVED_" + tenant + "=" + bot.serve(tenant, 3));
            } catch (RuntimeException e) {
                System.out.println("REFUSED_" + tenant + "=" + e.getMessage());
            }
        }
    }
}
