package bank

// DirectionalBank locks the account a transfer takes money from, then the
// one it gives money to. Broken on purpose.
//
// What goes wrong: transfer(0→1) holds account 0 and waits for account 1
// while transfer(1→0) holds account 1 and waits for account 0: each waits
// for the other forever, the guide's thread_1 / thread_2 deadlock. With
// three accounts, transfers 0→1, 1→2 and 2→0 can each hold their first lock
// and wait for the next one's: a cycle of three, which no pair of the
// transfers shows on its own. Every run that takes both orders, even one
// that goes through, has locks taken in inconsistent orders: weft's
// lock-order check reports the cycle without waiting for the deadlock.
type DirectionalBank struct {
	accounts
}

// NewDirectionalBank returns n accounts holding initial each.
func NewDirectionalBank(n, initial int) *DirectionalBank {
	return &DirectionalBank{accounts: newAccounts(n, initial)}
}

// Transfer moves amount from account from to account to, if from holds at
// least amount, and reports whether it did — unless it deadlocks.
func (b *DirectionalBank) Transfer(from, to, amount int) bool {
	b.accounts[from].mu.Lock()
	defer b.accounts[from].mu.Unlock()
	b.accounts[to].mu.Lock()
	defer b.accounts[to].mu.Unlock()
	return b.move(from, to, amount)
}
