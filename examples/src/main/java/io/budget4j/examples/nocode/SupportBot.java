package io.budget4j.examples.nocode;

import java.io.IOException;

/**
 * A support bot that would keep asking the model and its tools until it is satisfied, which it
 * never is: the kind of loop that burns tokens. It imports nothing of budget4j; the YAML file
 * given to the agent (support-bot.yaml) budgets it.
 */
public final class SupportBot {
    private final ChatClient client;

    public SupportBot(ChatClient client) {
        this.client = client;
    }

    public String handle(String customer, String question) throws IOException, InterruptedException {
        StringBuilder transcript = new StringBuilder(question);
        while (true) { // the bug: no stopping rule of its own
            ChatClient.Completion reply = client.complete(transcript.toString());
            transcript.append('\n').append(reply.text());
            String order = Tools.lookUpOrder(customer);
            transcript.append('\n').append(order).append('\n').append(Tools.checkCarrier(order));
        }
    }

    public static void main(String[] args) throws Exception {
        try (LocalModelServer server = new LocalModelServer()) {
            SupportBot bot = new SupportBot(new ChatClient(server.baseUrl()));
            try {
                System.out.println("Answer: " + bot.handle("ada", "Where is my order?"));
            } catch (RuntimeException e) {
                // The budget stopped the loop: the application sees an ordinary unchecked exception.
                System.out.println("Stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            System.out.println("Requests the model server received: " + server.requests());
        }
    }
}
