package io.budget4j.quota;

/** The shared quota test kit against the embedded store. */
class InMemoryQuotaStoreTest extends QuotaStoreContract {
    @Override
    protected QuotaStore newStore() {
        return new InMemoryQuotaStore();
    }
}
