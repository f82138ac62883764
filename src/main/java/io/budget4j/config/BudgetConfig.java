package io.budget4j.config;
import io.budget4j.RunBudget;
import java.nio.file.Path;
import java.util.*;
public final class BudgetConfig {
  public static BudgetConfig empty() { return new BudgetConfig(); }
  public static BudgetConfig load(Path p) { return new BudgetConfig(); }
  public Map<String, RunBudget> profiles() { return Map.of(); }
  public Optional<RunBudget> profile(String n) { return Optional.empty(); }
  public RunBudget defaults() { return RunBudget.UNLIMITED; }
  public OutsideRunPolicy outsideRun() { return OutsideRunPolicy.ALLOW; }
  public String source() { return ""; }
}
