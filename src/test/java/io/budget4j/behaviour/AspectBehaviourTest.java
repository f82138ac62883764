package io.budget4j.behaviour;

import io.budget4j.aspectj.BudgetAspect;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

/** The shared behaviour, with the aspect applied by a real weaver (Spring's AspectJ proxies), no agent. */
class AspectBehaviourTest extends BudgetBehaviourContract {
    @Override
    @SuppressWarnings("unchecked")
    protected <T> T applyTo(T target) {
        AspectJProxyFactory factory = new AspectJProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAspect(new BudgetAspect());
        return (T) factory.getProxy();
    }
}
